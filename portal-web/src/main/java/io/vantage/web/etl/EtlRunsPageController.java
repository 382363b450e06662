package io.vantage.web.etl;

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

import io.vantage.api.etl.EtlRuns;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.etl.EtlRun.Policy;
import io.vantage.domain.etl.EtlRun;
import io.vantage.domain.etl.EtlRunProblem;
import io.vantage.etl.run.EndingConfirmation;
import io.vantage.etl.run.ImportService;
import io.vantage.etl.run.RunRequest;
import io.vantage.web.admin.AdminMessages;
import io.vantage.web.admin.Flash;
import io.vantage.web.admin.Pager;

/**
 * User-office imports, written by the ETL: the list, one run with all its problems (paged), a dry run with either
 * policy, and the confirmation of a run that stopped because it would end too much. Imports run in the
 * background (they take minutes) and take the import's database lock, so one started while another runs fails at
 * once and is recorded as such.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/etl-runs")
class EtlRunsPageController {

    private static final int PAGE_SIZE = 25;
    private static final int PROBLEMS_PER_PAGE = 50;

    private final EtlRuns runs;
    private final ImportService imports;
    private final TaskExecutor executor;
    private final AuditLog audit;
    private final AdminMessages messages;

    EtlRunsPageController(EtlRuns runs, ImportService imports,
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
        Page<EtlRun> found = runs.newestFirst(PageRequest.of(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("runs", found.getContent().stream().map(EtlRunView::of).toList());
        model.addAttribute("pager", Pager.of(found.getNumber(), PAGE_SIZE, found.getTotalElements(), request));
        model.addAttribute("policies", Policy.values());
        return "admin/etl-runs";
    }

    @GetMapping("/{id}")
    String run(@PathVariable Long id, @RequestParam(defaultValue = "0") int page, Model model,
               HttpServletRequest request) {
        EtlRunView run = EtlRunView.of(runs.find(id));
        Page<EtlRunProblem> listed = runs.problems(id, PageRequest.of(Math.max(0, page), PROBLEMS_PER_PAGE));
        model.addAttribute("run", run);
        model.addAttribute("problems", listed.getContent());
        model.addAttribute("problemsPager", Pager.of(listed.getNumber(), PROBLEMS_PER_PAGE, listed.getTotalElements(),
                request));
        model.addAttribute("listedProblems", listed.getTotalElements());
        model.addAttribute("canConfirm", run.awaitsConfirmation() && runs.isLatestImport(id));
        return "admin/etl-run";
    }

    @PostMapping("/dry-run")
    String dryRun(@RequestParam(defaultValue = "ALL_OR_NOTHING") Policy policy, CurrentUser admin,
                  RedirectAttributes redirect) {
        audit.success(admin.id(), "admin.etl.dryrun", "etl", "dry-run", "started from the admin pages, " + policy);
        executor.execute(() -> imports.run(RunRequest.dryRun(policy, admin.id())));
        messages.success(redirect, "admin.etl.dryRunStarted");
        return "redirect:/admin/etl-runs";
    }

    /**
     * Imports again, allowed to end up to what the held run showed per kind (more, and it stops again), with the
     * held run's policy.
     */
    @PostMapping("/{id}/confirm")
    String confirm(@PathVariable Long id, CurrentUser admin, RedirectAttributes redirect) {
        EtlRun held = runs.find(id);
        EtlRunView view = EtlRunView.of(held);
        if (!view.awaitsConfirmation() || !runs.isLatestImport(id)) {
            audit.failure(admin.id(), "admin.etl.confirm", "etl", String.valueOf(id), "not the latest held import");
            AdminMessages.flash(redirect, Flash.warning(messages.get("admin.etl.confirm.stale")));
            return "redirect:/admin/etl-runs/" + id;
        }
        audit.success(admin.id(), "admin.etl.confirm", "etl", String.valueOf(id), "ending confirmed: "
                + view.endedByKind());
        EndingConfirmation confirmation = EndingConfirmation.of(id, view.endedByKind());
        executor.execute(() -> imports.run(new RunRequest(null, null, held.getPolicy(), null, false, confirmation,
                admin.id())));
        messages.success(redirect, "admin.etl.confirmed", id);
        return "redirect:/admin/etl-runs";
    }
}
