package io.vantage.api.cloud;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Removes a cloud provider with its catalogue: its plans, images and flavours, then the provider row. */
@Repository
class ProviderDeletionRepository {

    private final JdbcTemplate jdbc;

    ProviderDeletionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Call in the caller's transaction, once nothing live uses the provider. */
    void deleteWithCatalogue(Long id) {
        jdbc.update("""
                delete from plans where image_id in (select id from images where provider_id = ?)
                   or flavour_id in (select id from flavours where provider_id = ?)""", id, id);
        jdbc.update("delete from images where provider_id = ?", id);
        jdbc.update("delete from flavours where provider_id = ?", id);
        jdbc.update("delete from cloud_providers where id = ?", id);
    }
}
