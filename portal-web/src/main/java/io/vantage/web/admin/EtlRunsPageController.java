package io.vantage.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.etl.EtlRun;
import io.vantage.domain.etl.EtlRunRepository;
import io.vantage.etl.run.ImportService;
import io.vantage.etl.run.RunRequest;

/**
 * User-office imports, read-only: they are written by the ETL. A dry run can be started from here: it does the
 * whole import and rolls it back, so it changes nothing, and shows here as its own run when done.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/etl-runs")
class EtlRunsPageController {

    private static final int PAGE_SIZE = 25;

    private final EtlRunRepository runs;
    private final ImportService imports;
    private final TaskExecutor executor;
    private final AuditLog audit;
    private final AdminMessages messages;

    EtlRunsPageController(EtlRunRepository runs, ImportService imports,
                          @Qualifier("applicationTaskExecutor") TaskExecutor executor, AuditLog audit,
                          AdminMessages messages) {
        this.runs = runs;
        this.imports = imports;
        this.executor = executor;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request) {
        Page<EtlRun> found = runs.findAllByOrderByStartedAtDesc(PageRequest.of(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("runs", found.getContent().stream().map(EtlRunView::of).toList());
        model.addAttribute("pager", Pager.of(found.getNumber(), PAGE_SIZE, found.getTotalElements(), request));
        return "admin/etl-runs";
    }

    @GetMapping("/{id}")
    String run(@PathVariable Long id, Model model) {
        model.addAttribute("run", EtlRunView.of(runs.findById(id).orElseThrow(() -> new NotFoundException("import", id))));
        return "admin/etl-run";
    }

    /**
     * Runs in the background: an import can take minutes. It takes the import's database lock, so it fails at
     * once (recorded as such) when another import is running.
     */
    @PostMapping("/dry-run")
    String dryRun(CurrentUser admin, RedirectAttributes redirect) {
        audit.success(admin.id(), "admin.etl.dryrun", "etl", "dry-run", "started from the admin pages");
        executor.execute(() -> imports.run(new RunRequest(null, null, null, true, admin.id())));
        messages.success(redirect, "admin.etl.dryRunStarted");
        return "redirect:/admin/etl-runs";
    }
}
