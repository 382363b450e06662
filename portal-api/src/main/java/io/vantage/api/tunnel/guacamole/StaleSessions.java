package io.vantage.api.tunnel.guacamole;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.domain.instance.InstanceSessionRepository;
import io.vantage.domain.instance.SessionMemberRepository;

/**
 * Closes an instance's recorded session whose guacd connection no longer exists, with its members, so the next
 * connection starts a new shared session instead of trying the dead one again.
 */
@Component
class StaleSessions {

    private final InstanceSessionRepository sessions;
    private final SessionMemberRepository members;
    private final Clock clock;

    StaleSessions(InstanceSessionRepository sessions, SessionMemberRepository members, Clock clock) {
        this.sessions = sessions;
        this.members = members;
        this.clock = clock;
    }

    @Transactional
    public void close(Long instanceId, String protocol) {
        sessions.findFirstByInstanceIdAndProtocolAndActiveTrue(instanceId, protocol).ifPresent(session -> {
            members.findBySessionIdAndActiveTrue(session.getId()).forEach(m -> m.close(clock.instant()));
            session.close(clock.instant());
        });
    }
}
