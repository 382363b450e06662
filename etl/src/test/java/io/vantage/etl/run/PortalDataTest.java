package io.vantage.etl.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vantage.domain.etl.EtlRun.Outcome;
import io.vantage.etl.DatabaseTest;

/** What the portal owns is never touched: PORTAL role grants, instances, quotas and activity of users. */
class PortalDataTest extends DatabaseTest {

    @Test
    void portalGrantsInstancesAndQuotasSurviveImports() throws Exception {
        run();
        jdbc.update("update users set instance_quota = 7, last_seen_at = '2025-01-01T00:00:00Z' where id = 'U1002'");
        jdbc.update("insert into user_roles (user_id, role_id, source, granted_by) select 'U1002', id, 'PORTAL',"
                + " 'U1001' from roles where name = 'ADMIN'");
        // the portal also granted a role the user office lists: the PORTAL grant must win
        jdbc.update("insert into user_roles (user_id, role_id, source) select 'U1006', id, 'PORTAL' from roles"
                + " where name = 'INSTRUMENT_SCIENTIST'");
        jdbc.update("insert into cloud_providers (id, name, type) values (900, 'local', 'LOCAL')");
        jdbc.update("insert into images (id, name, provider_id, provider_image_id) values (900, 'desktop', 900, 'd')");
        jdbc.update("insert into flavours (id, name, cpu, memory_mib, provider_id, provider_flavour_id)"
                + " values (900, 'small', 1, 1024, 900, 's')");
        jdbc.update("insert into plans (id, image_id, flavour_id) values (900, 900, 900)");
        jdbc.update("insert into instances (id, uid, name, plan_id, provider_id, state, screen_width, screen_height,"
                + " access_secret) values (900, 'abc', 'analysis', 900, 900, 'ACTIVE', 1920, 1080, 's')");
        jdbc.update("insert into instance_members (instance_id, user_id, role) values (900, 'U1002', 'OWNER')");
        jdbc.update("insert into instance_experiments (instance_id, experiment_id) values (900, 'EXP-EASY-1322-1')");
        String portal = portalChecksum();

        files.write("roles.csv", "user_id,role,expires_at\nU1006,INSTRUMENT_SCIENTIST,2031-01-01\n")
                .write("users.csv", files.read("users.csv").replace("Jonas,Berg", "Jonas,Bergström"))
                .write("experiments.csv", files.read("experiments.csv").replaceAll("EXP-EASY-1322-1,.*\n", ""))
                .write("experiment_members.csv", files.read("experiment_members.csv")
                        .replaceAll("EXP-EASY-1322-1,.*\n", "").replace("U1002", "U1003"));
        RunResult result = run();

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(portalChecksum()).isEqualTo(portal);
        assertThat(jdbc.queryForObject("select last_name from users where id = 'U1002'", String.class))
                .isEqualTo("Bergström");
        assertThat(jdbc.queryForObject("select count(*) from experiments where id = 'EXP-EASY-1322-1'"
                + " and ended_at is not null", Integer.class)).as("ended, not deleted: an instance refers to it")
                .isOne();
    }

    private String portalChecksum() {
        return jdbc.queryForObject("""
                select md5(concat_ws('|',
                  (select string_agg(t::text, ',' order by user_id, role_id) from user_roles t where source = 'PORTAL'),
                  (select string_agg(t::text, ',' order by id) from instances t),
                  (select string_agg(t::text, ',' order by id) from instance_members t),
                  (select string_agg(t::text, ',' order by instance_id) from instance_experiments t),
                  (select string_agg(concat_ws(',', id, instance_quota, activated_at, last_seen_at, created_at), ','
                          order by id) from users)))""", String.class);
    }
}
