package io.vantage.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class UserTest {

    @Test
    void aLoginWithoutNameClaimsKeepsTheNamesWeKnow() {
        User user = new User("1002", "Dorothy", "Hodgkin", "dh@example.org");
        assertThat(user.updateIdentity(null, null, " ", Instant.now())).isFalse();
        assertThat(user.getFullName()).isEqualTo("Dorothy Hodgkin");
        assertThat(user.getEmail()).isEqualTo("dh@example.org");
        assertThat(user.updateIdentity("Dorothy M.", null, "dmh@example.org", Instant.now())).isTrue();
        assertThat(user.getFullName()).isEqualTo("Dorothy M. Hodgkin");
        assertThat(user.getEmail()).isEqualTo("dmh@example.org");
    }
}
