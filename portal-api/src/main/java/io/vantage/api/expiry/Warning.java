package io.vantage.api.expiry;

import java.time.Instant;
import java.util.List;

import io.vantage.domain.instance.ExpirationReason;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceMember;
import io.vantage.domain.instance.MemberRole;

/**
 * A warning already recorded in the database, with everything needed to send it after the commit (no lazy
 * loading outside the transaction).
 *
 * @param mailTo the owner and USER members: the people who can act on it (GUEST and SUPPORT members only see the
 *               live warning)
 */
record Warning(String uid, String instanceName, ExpirationReason reason, Instant at, Instant idleSince,
               List<Recipient> mailTo) {

    record Recipient(String userId, String name, String email) {
    }

    static Warning of(Instance instance, ExpirationReason reason, Instant at) {
        List<Recipient> recipients = instance.getMembers().stream()
                .filter(m -> m.getRole() == MemberRole.OWNER || m.getRole() == MemberRole.USER)
                .map(InstanceMember::getUser)
                .map(u -> new Recipient(u.getId(), u.getFullName(), u.getEmail()))
                .toList();
        Instant idleSince = instance.getLastInteractionAt() == null ? instance.getCreatedAt()
                : instance.getLastInteractionAt();
        return new Warning(instance.getUid(), instance.getName(), reason, at, idleSince, recipients);
    }
}
