package io.vantage.api.user;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.vantage.api.launch.UserPolicy;
import io.vantage.domain.user.User;
import io.vantage.domain.user.UserRole;

/** Users as admins see them. Build inside a transaction: roles and affiliation load lazily. */
public final class UserViews {

    private UserViews() {
    }

    public record Summary(String id, String firstName, String lastName, String email, String affiliation,
                   Integer instanceQuota, Instant lastSeenAt, List<String> roles) {
    }

    /**
     * @param source {@code PORTAL} grants are managed here; {@code USER_OFFICE} ones by the ETL and
     *               {@code IDENTITY_PROVIDER} ones by the login token
     */
    public record Grant(String role, String source, String grantedBy, Instant grantedAt, Instant expiresAt, boolean active) {
    }

    /** The quota and lifetimes the user gets now, from their roles and per-user quota. */
    public record Effective(int instances, int vcpu, int memoryMib, int gpu, long lifetimeMinutes, long inactivityMinutes) {
    }

    public record Detail(String id, String firstName, String lastName, String email, String affiliation,
                  Integer instanceQuota, Instant activatedAt, Instant lastSeenAt, Instant createdAt,
                  List<Grant> roles, Effective effective, long liveInstances) {
    }

    static Summary summary(User user, Instant now) {
        return new Summary(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(), affiliation(user),
                user.getInstanceQuota(), user.getLastSeenAt(), user.activeRoleNames(now).stream().sorted().toList());
    }

    static Detail detail(User user, UserPolicy policy, long liveInstances, Instant now) {
        List<Grant> grants = user.getRoles().stream().sorted(Comparator.comparing(r -> r.getRole().getName()))
                .map(r -> grant(r, now)).toList();
        Effective effective = new Effective(policy.quota().instances(), policy.quota().vcpu(),
                policy.quota().memoryMib(), policy.quota().gpu(), policy.lifetime().toMinutes(),
                policy.inactivity().toMinutes());
        return new Detail(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(), affiliation(user),
                user.getInstanceQuota(), user.getActivatedAt(), user.getLastSeenAt(), user.getCreatedAt(), grants,
                effective, liveInstances);
    }

    private static Grant grant(UserRole role, Instant now) {
        return new Grant(role.getRole().getName(), role.getSource().name(), role.getGrantedBy(), role.getGrantedAt(),
                role.getExpiresAt(), role.isActive(now));
    }

    private static String affiliation(User user) {
        return user.getAffiliation() == null ? null : user.getAffiliation().getName();
    }
}
