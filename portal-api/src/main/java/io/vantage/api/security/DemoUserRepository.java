package io.vantage.api.security;

import java.util.List;

import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The people the embedded login page offers, with the roles they hold now. */
@Repository
@Conditional(NoIssuerConfigured.class)
class DemoUserRepository {

    private final JdbcTemplate jdbc;

    DemoUserRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<DemoLoginPage.DemoUser> first50() {
        return jdbc.query("""
                select u.id, u.first_name, u.last_name, u.email,
                       coalesce(string_agg(r.name, ', ' order by r.name), '') as roles
                from users u
                left join user_roles ur on ur.user_id = u.id and (ur.expires_at is null or ur.expires_at > now())
                left join roles r on r.id = ur.role_id
                group by u.id, u.first_name, u.last_name, u.email
                order by u.last_name, u.first_name
                limit 50
                """, (rs, i) -> new DemoLoginPage.DemoUser(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5)));
    }
}
