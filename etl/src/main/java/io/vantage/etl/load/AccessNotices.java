package io.vantage.etl.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells running portals whose access an import changed: people whose role grants (role, source, expiry) or
 * instrument assignments differ after the merge from before it. Each gets a notification on the portal's
 * access-change channel, in the portal's payload ({@code AccessChange} in portal-api; the ETL does not depend on
 * the portal), so every replica re-decides their open desktops, notebooks and pages at once instead of at their
 * next login. PostgreSQL delivers notifications only when the import's transaction commits: a dry run or a failed
 * import tells nobody.
 */
public final class AccessNotices {

    /** The portal's NOTIFY channel for access changes (portal-api's {@code AccessChanges.CHANNEL}). */
    public static final String CHANNEL = "vantage_access";
    static final String REASON = "Your roles from the user office changed.";

    /** One fingerprint per person of everything the import may change about their access. */
    private static final String FINGERPRINTS = "select user_id, md5(string_agg(item, ',' order by item)) as fingerprint"
            + " from (select user_id, 'r' || role_id || '/' || source || '/' || coalesce(expires_at::text, '-') as item"
            + " from user_roles union all select user_id, 'i' || instrument_id from instrument_scientists) a"
            + " group by user_id";

    private final Connection connection;

    private AccessNotices(Connection connection) {
        this.connection = connection;
    }

    /** Remembers everyone's access before the merge (a temporary table, gone with the transaction). */
    public static AccessNotices before(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create temporary table etl_access_before on commit drop as " + FINGERPRINTS);
        }
        return new AccessNotices(connection);
    }

    /** People whose access differs now from before the merge. */
    public List<String> changed() throws SQLException {
        List<String> people = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "select coalesce(a.user_id, b.user_id) from (" + FINGERPRINTS + ") a"
                        + " full join etl_access_before b on b.user_id = a.user_id"
                        + " where a.fingerprint is distinct from b.fingerprint order by 1")) {
            while (rs.next()) {
                people.add(rs.getString(1));
            }
        }
        return people;
    }

    /** Queues a notification per changed person, sent when the transaction commits; returns how many. */
    public int notifyChanged() throws SQLException {
        List<String> people = changed();
        try (PreparedStatement notify = connection.prepareStatement("select pg_notify('" + CHANNEL
                + "', json_build_object('userId', ?::text, 'instanceId', null, 'reason', ?::text)::text)")) {
            for (String userId : people) {
                notify.setString(1, userId);
                notify.setString(2, REASON);
                notify.executeQuery().close();
            }
        }
        return people.size();
    }
}
