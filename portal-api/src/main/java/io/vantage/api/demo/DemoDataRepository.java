package io.vantage.api.demo;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the demo seeding reads and writes besides its seed script: people, the demo's data store, the local cloud. */
@Repository
class DemoDataRepository {

    private final JdbcTemplate jdbc;

    DemoDataRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Integer countUsers() {
        return jdbc.queryForObject("select count(*) from users", Integer.class);
    }

    /** The data store {@code name} on the local cloud, rooted at {@code rootPath}, unless it exists. */
    void addLocalStore(String name, String rootPath) {
        jdbc.update("""
                insert into data_stores (name, description, provider_id, kind, root_path, raw_rule, processed_rule)
                select ?, 'Sample data of the demo experiments, on this machine', id, 'LOCAL', ?,
                       '{instrument}/{year}/{proposal}/{experiment}', 'processed/{proposal}'
                from cloud_providers where name = 'local'
                on conflict (name) do nothing""", name, rootPath);
    }

    List<String> enabledStoreRoots(String name) {
        return jdbc.queryForList("select root_path from data_stores where name = ? and enabled", String.class, name);
    }

    Optional<Long> localProviderId() {
        return jdbc.queryForList("select id from cloud_providers where name = 'local'", Long.class).stream()
                .findFirst();
    }
}
