package io.vantage.domain.instance;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface InstanceDeletionRepository extends JpaRepository<InstanceDeletion, Long> {

    /** Deleted instances whose people have not been told yet, oldest first. */
    @Query("""
            select d.instanceId from InstanceDeletion d, Instance i
            where i.id = d.instanceId and i.state = io.vantage.domain.instance.InstanceState.DELETED
              and d.mailedAt is null order by d.requestedAt""")
    List<Long> findUntold();

    /** 1 for the one caller (on any replica) that may tell people about this deletion, 0 for everyone after it. */
    @Modifying(flushAutomatically = true)
    @Query("update InstanceDeletion d set d.mailedAt = :now where d.instanceId = :id and d.mailedAt is null")
    int claimTelling(@Param("id") Long instanceId, @Param("now") Instant now);
}
