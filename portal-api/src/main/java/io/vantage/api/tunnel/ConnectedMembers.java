package io.vantage.api.tunnel;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;

/** Who is connected to an instance now (members see it), and admins ending a connection. */
@Service
class ConnectedMembers {

    private final InstanceRepository instances;
    private final AccessPolicy access;
    private final SessionTracker sessions;
    private final TunnelSessionRepository repository;

    ConnectedMembers(InstanceRepository instances, AccessPolicy access, SessionTracker sessions,
                     TunnelSessionRepository repository) {
        this.instances = instances;
        this.access = access;
        this.sessions = sessions;
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    List<ConnectedMember> of(CurrentUser user, String uid) {
        Instance instance = instances.findByUid(uid).orElseThrow(() -> new NotFoundException("instance", uid));
        access.requireView(user, instance);
        return repository.connectedTo(instance.getId());
    }

    List<ConnectedMember> all() {
        return repository.allConnected();
    }

    /** Ends a connection wherever it is open (any replica). */
    void end(Long sessionMemberId) {
        List<String> uid = repository.instanceUidOfActiveMember(sessionMemberId);
        if (uid.isEmpty()) {
            throw new NotFoundException("session", sessionMemberId);
        }
        sessions.end(sessionMemberId, uid.get(0));
    }
}
