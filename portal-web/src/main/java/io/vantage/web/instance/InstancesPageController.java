package io.vantage.web.instance;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.vantage.api.error.ConflictException;
import io.vantage.api.expiry.InstanceLifetimeAdmin;
import io.vantage.api.instance.AdminInstanceView;
import io.vantage.api.instance.InstanceActions;
import io.vantage.api.instance.InstanceAdmin;
import io.vantage.api.reconcile.OrphanCleanup;
import io.vantage.api.security.CurrentUser;
import io.vantage.api.support.PageView;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.instance.IllegalInstanceStateException;
import io.vantage.domain.instance.InstanceState;
import io.vantage.web.admin.AdminMessages;
import io.vantage.web.admin.AdminOptions;
import io.vantage.web.admin.AdminTime;
import io.vantage.web.admin.Flash;
import io.vantage.web.admin.Pager;

/**
 * Every instance, whoever owns it. Actions are htmx posts answered with the instance's new table row; the row
 * also follows live state events, like the scientist's cards do.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/instances")
public class InstancesPageController {

    static final int PAGE_SIZE = 25;

    private final InstanceAdmin instances;
    private final InstanceActions actions;
    private final InstanceLifetimeAdmin lifetimes;
    private final OrphanCleanup orphans;
    private final AuditLog audit;
    private final AdminOptions options;
    private final AdminMessages messages;

    InstancesPageController(InstanceAdmin instances, InstanceActions actions, InstanceLifetimeAdmin lifetimes,
                            OrphanCleanup orphans, AuditLog audit, AdminOptions options, AdminMessages messages) {
        this.instances = instances;
        this.actions = actions;
        this.lifetimes = lifetimes;
        this.orphans = orphans;
        this.audit = audit;
        this.options = options;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) Long providerId,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                Model model, HttpServletRequest request) {
        PageView<AdminInstanceView> found = instances.search(state, providerId, q, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("instances", found.items());
        model.addAttribute("pager", Pager.of(found, request));
        model.addAttribute("states", Arrays.stream(InstanceState.values()).map(Enum::name).toList());
        model.addAttribute("providers", options.providers());
        model.addAttribute("state", state);
        model.addAttribute("providerId", providerId);
        model.addAttribute("q", q);
        return "admin/instances";
    }

    @GetMapping("/{uid}/row")
    String row(@PathVariable String uid, Model model) {
        model.addAttribute("i", instances.get(uid));
        return "admin/instance-row :: row";
    }

    /** Refusals (wrong state, not allowed) answer problem+json through WebErrors, shown as a toast. */
    @PostMapping("/{uid}/{action:start|stop|reboot|delete|sync}")
    String act(CurrentUser admin, @PathVariable String uid, @PathVariable String action, Model model) {
        switch (action) {
            case "start" -> actions.start(admin, uid);
            case "stop" -> actions.stop(admin, uid);
            case "reboot" -> actions.reboot(admin, uid);
            case "delete" -> actions.delete(admin, uid);
            default -> instances.sync(admin, uid);
        }
        return row(uid, model);
    }

    /** A refused date is shown next to the date field of the row it was typed in. */
    @PostMapping("/{uid}/extend")
    String extend(CurrentUser admin, @PathVariable String uid,
                  @RequestParam(required = false) String terminationDate, Model model) {
        String error = null;
        if (terminationDate == null || terminationDate.isBlank()) {
            error = messages.get("admin.instances.extend.required");
        } else {
            try {
                lifetimes.extend(admin, uid, AdminTime.instant(LocalDateTime.parse(terminationDate)));
            } catch (DateTimeParseException e) {
                error = messages.get("admin.instances.extend.format");
            } catch (IllegalArgumentException | IllegalInstanceStateException | ConflictException e) {
                error = e.getMessage();
            }
        }
        model.addAttribute("extendError", error);
        model.addAttribute("extendValue", error == null ? null : terminationDate);
        return row(uid, model);
    }

    /** The orphan sweep, now: machines of this deployment whose instance is deleted or failed. */
    @PostMapping("/orphans/cleanup")
    String cleanUpOrphans(CurrentUser admin, RedirectAttributes redirect) {
        OrphanCleanup.Result result = orphans.cleanUp();
        List<String> deleted = result.deleted();
        audit.success(admin.id(), "admin.orphans.cleanup", "deployment", "orphans",
                deleted.size() + " machine(s) deleted, " + result.held().size() + " held");
        if (!result.held().isEmpty()) {
            AdminMessages.flash(redirect, Flash.warning(messages.get("admin.instances.orphans.held", deleted.size(),
                    String.join(", ", deleted), result.held().size(), String.join(", ", result.held()))));
        } else {
            messages.success(redirect, deleted.isEmpty() ? "admin.instances.orphans.none"
                    : "admin.instances.orphans.deleted", deleted.size(), String.join(", ", deleted));
        }
        return "redirect:/admin/instances";
    }
}
