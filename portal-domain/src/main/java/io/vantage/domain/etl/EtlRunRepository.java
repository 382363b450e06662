package io.vantage.domain.etl;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Runs are written by the ETL module with plain SQL; the portal only reads them. */
public interface EtlRunRepository extends JpaRepository<EtlRun, Long> {

    Page<EtlRun> findAllByOrderByStartedAtDesc(Pageable pageable);

    /** The latest import of the given mode: a held import can be confirmed only while nothing newer has run. */
    Optional<EtlRun> findFirstByModeOrderByStartedAtDescIdDesc(EtlRun.Mode mode);
}
