package io.vantage.domain.instance;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ConnectionTicketRepository extends JpaRepository<ConnectionTicket, String> {

    /** Marks the ticket used if it is unused and valid; exactly one caller ever gets 1 back. */
    @Modifying
    @Query("""
            update ConnectionTicket t set t.usedAt = :now
            where t.tokenHash = :hash and t.usedAt is null and t.expiresAt > :now
            """)
    int redeem(@Param("hash") String tokenHash, @Param("now") Instant now);

    @Modifying
    @Query("delete from ConnectionTicket t where t.expiresAt < :before")
    int deleteExpired(@Param("before") Instant before);
}
