package io.vantage.domain.etl;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** An import's problems in the order the ETL numbered them; written by the ETL, read by the portal. */
public interface EtlRunProblemRepository extends JpaRepository<EtlRunProblem, EtlRunProblem.Key> {

    @Query(value = "select p from EtlRunProblem p where p.runId = :runId order by p.seq",
            countQuery = "select count(p) from EtlRunProblem p where p.runId = :runId")
    Page<EtlRunProblem> findByRun(@Param("runId") long runId, Pageable pageable);

    /** One slice of the list by position, for downloads that stream it without holding it all. */
    @Query("select p from EtlRunProblem p where p.runId = :runId and p.seq > :after order by p.seq")
    List<EtlRunProblem> findAfter(@Param("runId") long runId, @Param("after") int after, Pageable limit);
}
