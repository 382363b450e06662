package io.vantage.api.expiry;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.audit.AdminAudit;
import io.vantage.api.instance.AdminInstanceView;
import io.vantage.api.instance.InstanceAdmin;
import io.vantage.api.security.CurrentUser;

/**
 * An admin moves an instance's end of life (an earlier date too) and its planned deletion with it. It sits with the
 * expiry module, the one writer of lifetimes; the instance as admins see it comes from the instance module.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class InstanceLifetimeAdmin {

    private final Lifetimes lifetimes;
    private final InstanceAdmin instances;
    private final AdminAudit audit;

    InstanceLifetimeAdmin(Lifetimes lifetimes, InstanceAdmin instances, AdminAudit audit) {
        this.lifetimes = lifetimes;
        this.instances = instances;
        this.audit = audit;
    }

    record ExtendRequest(@NotNull @Future Instant terminationDate) {
    }

    @PostMapping("/api/admin/instances/{uid}/extend")
    @Transactional
    AdminInstanceView extend(CurrentUser admin, @PathVariable String uid, @Valid @RequestBody ExtendRequest request) {
        return extend(admin, uid, request.terminationDate());
    }

    /** Also the admin pages' way to do it. A pool machine is nobody's instance yet: 404, as for an unknown one. */
    @Transactional
    public AdminInstanceView extend(CurrentUser admin, String uid, Instant until) {
        Instant previous = instances.get(uid).terminationDate();
        lifetimes.setTerminationDate(admin.id(), uid, until);
        audit.success(admin, "admin.instance.extend", "instance", uid, "termination date " + previous + " -> "
                + until);
        return instances.get(uid);
    }
}
