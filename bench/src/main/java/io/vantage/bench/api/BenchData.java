package io.vantage.bench.api;

import org.springframework.jdbc.core.JdbcTemplate;

/** A facility of benchmark size, generated in SQL: 50k users, 20k experiments, 10k instances. */
final class BenchData {

    static final int USERS = 50_000;
    static final int EXPERIMENTS = 20_000;
    static final int INSTANCES = 10_000;

    private BenchData() {
    }

    /** One experiment user {@code n} is on (the first of the two the seed gives everyone). */
    static String experimentOf(int n) {
        return "E" + (1 + (n * 7L) % EXPERIMENTS);
    }

    static void seed(JdbcTemplate jdbc) {
        jdbc.execute("""
                insert into users (id, first_name, last_name, email)
                select 'u' || g, 'First' || g, 'Last' || g, 'user' || g || '@example.org' from generate_series(1, %d) g;
                insert into instruments (id, name) select 'I' || g, 'Instrument ' || g from generate_series(1, 20) g;
                insert into proposals (id, title) select 'P' || g, 'Proposal ' || g from generate_series(1, 4000) g;
                insert into experiments (id, proposal_id, instrument_id, title, start_date, end_date)
                select 'E' || g, 'P' || (1 + g %% 4000), 'I' || (1 + g %% 20), 'Experiment ' || g,
                       now() - (g %% 700) * interval '1 day', now() - (g %% 700) * interval '1 day' + interval '3 days'
                from generate_series(1, %d) g;
                insert into experiment_users (experiment_id, user_id, role)
                select 'E' || (1 + (g * 7) %% %d), 'u' || g, 'PARTICIPANT' from generate_series(1, %d) g
                union all
                select 'E' || (1 + (g * 13) %% %d), 'u' || g, 'PARTICIPANT' from generate_series(1, %d) g
                on conflict do nothing;
                insert into cloud_providers (name, type, settings) values ('bench', 'LOCAL', '{}');
                insert into images (name, version, provider_id, provider_image_id, default_protocol_id)
                select 'Desktop', '1', p.id, 'desktop', pr.id from cloud_providers p, protocols pr
                where p.name = 'bench' and pr.name = 'VNC';
                insert into image_protocols (image_id, protocol_id) select id, default_protocol_id from images;
                insert into flavours (name, cpu, memory_mib, provider_id, provider_flavour_id)
                select 'Small', 1, 2048, id, 'small' from cloud_providers where name = 'bench';
                insert into plans (image_id, flavour_id) select i.id, f.id from images i, flavours f;
                insert into instances (uid, name, plan_id, provider_id, state, screen_width, screen_height, access_secret,
                                       termination_date)
                select 'bench' || lpad(g::text, 7, '0'), 'Instance ' || g, p.id, i.provider_id,
                       (array['ACTIVE','STOPPED','ACTIVE','BUILDING'])[1 + g %% 4], 1920, 1080, 's',
                       now() + interval '10 days'
                from generate_series(1, %d) g, plans p join images i on i.id = p.image_id;
                insert into instance_members (instance_id, user_id, role)
                select id, 'u' || (1 + (id * 5) %% %d), 'OWNER' from instances;
                insert into instance_members (instance_id, user_id, role)
                select id, 'u' || (1 + (id * 11) %% %d), 'USER' from instances where id %% 3 = 0 on conflict do nothing;
                analyze;
                """.formatted(USERS, EXPERIMENTS, EXPERIMENTS, USERS, EXPERIMENTS, USERS, INSTANCES, USERS, USERS));
    }
}
