package io.vantage.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.domain.DomainJpaTest;

/** A first login links to the imported person by verified e-mail only when exactly one person has it. */
@DomainJpaTest
@Import(SignIn.class)
class SignInByEmailTest {

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManager em;

    @Test
    void oneMatchLinksAndASharedAddressLinksToNobody() {
        jdbc.update("insert into users (id, last_name, email) values ('UO-1', 'Curie', 'marie@lab.example'),"
                + " ('UO-2', 'Lab', 'shared@lab.example'), ('UO-3', 'Lab', 'SHARED@lab.example')");

        assertThat(signIn.signIn(verified("idp-marie", "Marie@Lab.example")).id()).isEqualTo("UO-1");

        SignIn.SignedInUser shared = signIn.signIn(verified("idp-someone", "shared@lab.example"));

        assertThat(shared.id()).as("neither UO-2 nor UO-3: a user of its own").isEqualTo("idp-someone");
        em.flush();
        assertThat(jdbc.queryForObject("select count(*) from users where id = 'idp-someone'", Integer.class)).isOne();
    }

    private static Identity verified(String id, String email) {
        return new Identity(id, "A", "Person", email, true, Set.of());
    }
}
