package io.vantage.api.sharing;

import java.util.function.Consumer;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.instance.IllegalInstanceStateException;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceState;
import io.vantage.domain.user.User;
import io.vantage.domain.user.UserRepository;

/** Lookups and guards the sharing services have in common. */
@Component
class SharedInstances {

    private final InstanceRepository instances;
    private final UserRepository users;
    private final AuditLog audit;

    SharedInstances(InstanceRepository instances, UserRepository users, AuditLog audit) {
        this.instances = instances;
        this.users = users;
        this.audit = audit;
    }

    Instance find(String uid) {
        return instances.findByUid(uid).orElseThrow(() -> new NotFoundException("instance", uid));
    }

    Instance save(Instance instance) {
        return instances.save(instance);
    }

    /** A person named in a request body: unknown ids are the caller's input error, so 400 on that field. */
    User user(String field, String id) {
        return users.findById(id).orElseThrow(() -> new FieldException(field, "No user with id '" + id + "'"));
    }

    /**
     * Runs an access check and records a refusal in the audit log: who tried to change someone's access matters.
     * A 404 (the instance is not visible at all) is not recorded, as nothing was revealed or attempted.
     */
    void check(CurrentUser user, Instance instance, String action, Consumer<Instance> rule) {
        try {
            rule.accept(instance);
        } catch (AccessDeniedException e) {
            audit.denied(user.id(), action, "instance", instance.getUid(), e.getMessage());
            throw e;
        }
    }

    /** Access to an instance that is going away cannot change any more. */
    static void requireAlive(Instance instance) {
        if (instance.getState() == InstanceState.DELETING || instance.getState() == InstanceState.DELETED) {
            throw new IllegalInstanceStateException("Cannot change who has access to instance '"
                    + instance.getName() + "': it is being deleted", instance.getState());
        }
    }
}
