package io.vantage.api.sharing;

import java.time.Instant;

import io.vantage.domain.instance.InstanceMember;
import io.vantage.domain.user.User;

/** A member as other members see them: no e-mail address. */
record MemberView(String userId, String name, String affiliation, String role, Instant since) {

    static MemberView of(InstanceMember member) {
        User user = member.getUser();
        return new MemberView(user.getId(), user.getFullName(),
                user.getAffiliation() == null ? null : user.getAffiliation().getName(), member.getRole().name(),
                member.getCreatedAt());
    }
}
