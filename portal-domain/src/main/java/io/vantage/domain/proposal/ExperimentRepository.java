package io.vantage.domain.proposal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ExperimentRepository extends JpaRepository<Experiment, String> {

    /** The filter of {@link #findForUser}: current memberships, then optional instrument, period and search term. */
    String FOR_USER = """
            where exists (select 1 from ExperimentUser eu
                          where eu.experiment = e and eu.user.id = :userId and eu.endedAt is null)
              and e.endedAt is null
              and (:instrumentId is null or i.id = :instrumentId)
              and (cast(:from as timestamp) is null or e.startDate >= :from)
              and (cast(:until as timestamp) is null or e.startDate < :until)
              and (:term is null
                   or lower(p.id) like lower(concat('%', cast(:term as string), '%'))
                   or lower(p.title) like lower(concat('%', cast(:term as string), '%'))
                   or lower(coalesce(e.title, '')) like lower(concat('%', cast(:term as string), '%'))
                   or lower(i.name) like lower(concat('%', cast(:term as string), '%')))
            """;

    /**
     * The experiments a user is currently on, newest first, optionally narrowed by instrument, a period and a
     * search term (proposal id, title, instrument name). Null filters match everything.
     */
    @Query(value = "select e from Experiment e join fetch e.proposal p join fetch e.instrument i " + FOR_USER
            + " order by e.startDate desc, e.id",
            countQuery = "select count(e) from Experiment e join e.proposal p join e.instrument i " + FOR_USER)
    Page<Experiment> findForUser(@Param("userId") String userId, @Param("instrumentId") String instrumentId,
                                 @Param("from") Instant from, @Param("until") Instant until,
                                 @Param("term") String term, Pageable pageable);

    /** The subset of {@code ids} the user is currently on. */
    @Query("""
            select eu.experiment.id from ExperimentUser eu
            where eu.user.id = :userId and eu.experiment.id in :ids and eu.endedAt is null
              and eu.experiment.endedAt is null
            """)
    List<String> findMemberExperimentIds(@Param("userId") String userId, @Param("ids") Collection<String> ids);

    @Query("select e from Experiment e join fetch e.instrument join fetch e.proposal where e.id in :ids")
    List<Experiment> findAllWithInstrument(@Param("ids") Collection<String> ids);

    /** Experiments with this DOI (a DOI landing page's "Analyse in Vantage" link). */
    @Query("select e from Experiment e join fetch e.instrument join fetch e.proposal where lower(e.doi) = lower(:doi)")
    List<Experiment> findByDoi(@Param("doi") String doi);

    /** A proposal's current experiments, newest first. */
    @Query("""
            select e from Experiment e join fetch e.instrument join fetch e.proposal p
            where p.id = :proposalId and e.endedAt is null order by e.startDate desc, e.id
            """)
    List<Experiment> findByProposal(@Param("proposalId") String proposalId);
}
