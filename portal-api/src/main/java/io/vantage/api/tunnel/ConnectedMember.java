package io.vantage.api.tunnel;

import java.time.Instant;

/** One person connected to an instance now, as members and admins see it. */
record ConnectedMember(Long id, String userId, String name, String role, String protocol, Instant since,
                       Instant lastInteraction) {
}
