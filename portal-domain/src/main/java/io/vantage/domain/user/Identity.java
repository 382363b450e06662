package io.vantage.domain.user;

import java.util.Objects;
import java.util.Set;

/**
 * Who the identity provider says a person is, already mapped from its claims.
 *
 * @param userId        the value of the configured id claim (e.g. a facility person id), matched against users.id
 * @param roles         portal role names carried by the token (already mapped and filtered)
 */
public record Identity(String userId, String firstName, String lastName, String email, boolean emailVerified,
                       Set<String> roles) {

    public Identity {
        Objects.requireNonNull(userId, "userId");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
