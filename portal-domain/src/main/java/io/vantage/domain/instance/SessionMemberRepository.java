package io.vantage.domain.instance;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface SessionMemberRepository extends JpaRepository<SessionMember, Long> {

    List<SessionMember> findBySessionIdAndActiveTrue(Long sessionId);

    List<SessionMember> findBySessionIdInAndActiveTrue(Collection<Long> sessionIds);

    /** Moves a member's last interaction forward to {@code at}, never back (activity arrives in batches). */
    @Transactional
    @Modifying
    @Query(value = """
            update instance_session_members
            set last_interaction_at = greatest(coalesce(last_interaction_at, :at), :at) where id = :id""",
            nativeQuery = true)
    int recordInteraction(@Param("id") Long id, @Param("at") Instant at);
}
