package io.vantage.web.etl;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.vantage.api.error.NotFoundException;
import io.vantage.api.etl.EtlRuns;
import io.vantage.domain.etl.EtlRunProblem;
import io.vantage.etl.run.ProblemCsv;

/**
 * All problems of one import as CSV, for the user office to work through in a spreadsheet. Streamed in slices, so a
 * run with a hundred thousand problems is never held in memory.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class EtlProblemsCsvController {

    private static final int SLICE = 1000;

    private final EtlRuns runs;

    EtlProblemsCsvController(EtlRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/admin/etl-runs/{id}/problems.csv")
    void download(@PathVariable Long id, HttpServletResponse response) throws IOException {
        if (!runs.exists(id)) {
            throw new NotFoundException("import", id);
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-problems.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        // a byte-order mark, so spreadsheets read the names as UTF-8
        out.write('\uFEFF');
        ProblemCsv csv = new ProblemCsv(out);
        int after = 0;
        List<EtlRunProblem> slice;
        do {
            slice = runs.problemsAfter(id, after, SLICE);
            for (EtlRunProblem p : slice) {
                csv.row(p.isFatal(), p.getEntity(), p.getRecordId(), p.getSource(), p.getLocation(), p.getField(),
                        p.getMessage());
                after = p.getSeq();
            }
        } while (slice.size() == SLICE);
        csv.flush();
    }
}
