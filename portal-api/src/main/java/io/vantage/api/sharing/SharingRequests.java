package io.vantage.api.sharing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.vantage.domain.instance.MemberRole;

/** What people send to share an instance. Roles are strings so a wrong one is a 400 naming the field. */
final class SharingRequests {

    static final String ROLES = "USER|GUEST|SUPPORT";
    static final String ROLES_MESSAGE = "must be USER (full control), GUEST (watch only) or SUPPORT";

    private SharingRequests() {
    }

    record AddMember(@NotBlank(message = "choose a person") @Size(max = 64) String userId,
                     @NotBlank(message = "choose a role") @Pattern(regexp = ROLES, message = ROLES_MESSAGE)
                     String role) {
        MemberRole memberRole() {
            return MemberRole.valueOf(role);
        }
    }

    record ChangeRole(@NotBlank(message = "choose a role") @Pattern(regexp = ROLES, message = ROLES_MESSAGE)
                      String role) {
        MemberRole memberRole() {
            return MemberRole.valueOf(role);
        }
    }

    /**
     * @param validityHours how long the link works; 24 hours when left out, 7 days at most
     */
    record NewInvitation(@NotBlank(message = "choose a role") @Pattern(regexp = ROLES, message = ROLES_MESSAGE)
                         String role,
                         @Min(value = 1, message = "at least 1 hour")
                         @Max(value = 168, message = "at most 168 hours (7 days)") Integer validityHours) {
        MemberRole memberRole() {
            return MemberRole.valueOf(role);
        }

        int hours() {
            return validityHours == null ? 24 : validityHours;
        }
    }

    record NewAccessRequest(@NotBlank(message = "say why you need access")
                            @Size(max = 2000, message = "at most 2000 characters") String reason) {
    }
}
