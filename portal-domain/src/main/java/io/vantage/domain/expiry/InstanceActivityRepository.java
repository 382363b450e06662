package io.vantage.domain.expiry;

import java.time.Instant;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import io.vantage.domain.instance.Instance;

/**
 * An instance's last use, written by the portal's expiry module only (the {@link Instance} maps these columns
 * read-only after its insert). Activity arrives in batches from the tunnels, so it is written without the
 * instance's version and can never make a concurrent state change fail.
 */
public interface InstanceActivityRepository extends Repository<Instance, Long> {

    /** Moves the last interaction (and last seen) forward to {@code at}, never back. */
    @Modifying
    @Query(value = """
            update instances set last_interaction_at = greatest(coalesce(last_interaction_at, :at), :at),
                                 last_seen_at = greatest(coalesce(last_seen_at, :at), :at)
            where id = :id""", nativeQuery = true)
    int recordInteraction(@Param("id") Long id, @Param("at") Instant at);
}
