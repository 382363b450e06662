package io.vantage.domain.instance;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SessionMemberRepository extends JpaRepository<SessionMember, Long> {

    List<SessionMember> findBySessionIdAndActiveTrue(Long sessionId);

    List<SessionMember> findBySessionIdInAndActiveTrue(Collection<Long> sessionIds);
}
