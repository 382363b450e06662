package io.vantage.api.etl;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

import io.vantage.api.error.NotFoundException;
import io.vantage.domain.etl.EtlRun;
import io.vantage.domain.etl.EtlRunProblem;
import io.vantage.domain.etl.EtlRunProblemRepository;
import io.vantage.domain.etl.EtlRunRepository;

/** User-office imports as the ETL recorded them, for the admin pages: runs, newest first, and their problems. */
@Service
public class EtlRuns {

    private final EtlRunRepository runs;
    private final EtlRunProblemRepository problems;

    EtlRuns(EtlRunRepository runs, EtlRunProblemRepository problems) {
        this.runs = runs;
        this.problems = problems;
    }

    public Page<EtlRun> newestFirst(Pageable page) {
        return runs.findAllByOrderByStartedAtDesc(page);
    }

    /** The run, or not found as "import". */
    public EtlRun find(Long id) {
        return runs.findById(id).orElseThrow(() -> new NotFoundException("import", id));
    }

    public boolean exists(Long id) {
        return runs.existsById(id);
    }

    /** Whether this run is the latest real (not dry) import, the only one whose ending can be confirmed. */
    public boolean isLatestImport(Long id) {
        return runs.findFirstByModeOrderByStartedAtDescIdDesc(EtlRun.Mode.RUN).map(latest -> latest.getId().equals(id))
                .orElse(false);
    }

    public Page<EtlRunProblem> problems(Long runId, Pageable page) {
        return problems.findByRun(runId, page);
    }

    /** Up to {@code slice} problems of the run after the one numbered {@code afterSeq}, in order. */
    public List<EtlRunProblem> problemsAfter(Long runId, int afterSeq, int slice) {
        return problems.findAfter(runId, afterSeq, PageRequest.ofSize(slice));
    }
}
