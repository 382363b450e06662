package io.vantage.domain.proposal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProposalRepository extends JpaRepository<Proposal, String> {

    @Query("select p from Proposal p where lower(p.doi) = lower(:doi)")
    List<Proposal> findByDoi(@Param("doi") String doi);
}
