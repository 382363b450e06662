package io.vantage.etl.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The link tables. Role grants: only USER_OFFICE grants are written; a PORTAL or identity-provider grant of the same role wins and
 * is left as it is. Role names were resolved during the checks (mapped, existing roles only: no role is created).
 * Instrument scientists have no end date: those no longer listed are removed.
 */
final class RoleGrants {

    private RoleGrants() {
    }

    /** Answers {inserted, updated}. */
    static long[] merge(Connection connection, String stage) throws SQLException {
        String upsert = "with s as (select st.user_id, r.id as role_id, st.expires_at from " + stage + " st"
                + " join roles r on r.name = st.role where not st._bad),"
                + " m as (insert into user_roles as t (user_id, role_id, source, granted_at, expires_at)"
                + " select s.user_id, s.role_id, 'USER_OFFICE', now(), s.expires_at from s"
                + " left join user_roles t on t.user_id = s.user_id and t.role_id = s.role_id"
                + " where t.user_id is null"
                + " or (t.source = 'USER_OFFICE' and t.expires_at is distinct from s.expires_at)"
                + " on conflict (user_id, role_id) do update set expires_at = excluded.expires_at"
                + " where t.source = 'USER_OFFICE' and t.expires_at is distinct from excluded.expires_at"
                + " returning (xmax = 0) as inserted)"
                + " select count(*) filter (where inserted), count(*) filter (where not inserted) from m";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(upsert)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /**
     * A grant the user office stopped listing expires now rather than disappearing. A person with a rejected grant
     * row keeps all their grants as they are: which grant the row meant is not known.
     */
    static String expireAbsent(String stage, String kept) {
        return "update user_roles t set expires_at = now() where t.source = 'USER_OFFICE'"
                + " and (t.expires_at is null or t.expires_at > now())"
                + " and not exists (select 1 from " + stage + " s join roles r on r.name = s.role"
                + " where s.user_id = t.user_id and r.id = t.role_id)"
                + " and not exists (select 1 from " + stage + " s where s._bad and s.user_id = t.user_id)" + kept;
    }

    static String insertScientists(String stage) {
        return "insert into instrument_scientists (instrument_id, user_id) select s.instrument_id, s.user_id from "
                + stage + " s where not s._bad and not exists (select 1 from instrument_scientists t"
                + " where t.instrument_id = s.instrument_id and t.user_id = s.user_id)";
    }

    static String removeScientists(String stage, String kept) {
        return "delete from instrument_scientists t where not exists (select 1 from " + stage
                + " s where s.instrument_id = t.instrument_id and s.user_id = t.user_id)" + kept;
    }
}
