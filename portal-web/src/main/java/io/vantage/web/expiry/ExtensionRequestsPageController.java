package io.vantage.web.expiry;

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
import io.vantage.api.expiry.ExtensionRequestAdmin;
import io.vantage.api.security.CurrentUser;
import io.vantage.web.admin.AdminMessages;
import io.vantage.web.admin.Flash;

/**
 * Requests to let an instance live longer than its image allows by itself. One comment box per request serves
 * both buttons; refusing needs it (the requester is told why), and a refusal without one comes back marked there.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/extension-requests")
class ExtensionRequestsPageController {

    private static final int MAX_COMMENT = 2000;

    private final ExtensionRequestAdmin requests;
    private final AdminMessages messages;

    ExtensionRequestsPageController(ExtensionRequestAdmin requests, AdminMessages messages) {
        this.requests = requests;
        this.messages = messages;
    }

    /** A decision that was not taken, shown next to the comment box it came from. */
    record Failed(Long id, String comment, String error) {
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "PENDING") String state, Model model) {
        model.addAttribute("requests", requests.list(state));
        model.addAttribute("state", state.toUpperCase(java.util.Locale.ROOT));
        return "admin/extension-requests";
    }

    @PostMapping("/{id}/{decision:approve|refuse}")
    String decide(CurrentUser admin, @PathVariable Long id, @PathVariable String decision,
                  @RequestParam(required = false) String comment, Model model, RedirectAttributes redirect) {
        boolean approve = "approve".equals(decision);
        comment = comment == null || comment.isBlank() ? null : comment.strip();
        String error = null;
        if (!approve && comment == null) {
            error = messages.get("admin.extensions.reasonRequired");
        } else if (comment != null && comment.length() > MAX_COMMENT) {
            error = messages.get("admin.extensions.tooLong", MAX_COMMENT);
        }
        if (error != null) {
            model.addAttribute("failed", new Failed(id, comment, error));
            return list("PENDING", model);
        }
        try {
            ExtensionRequestAdmin.ExtensionView decided = approve ? requests.approve(admin, id, comment)
                    : requests.refuse(admin, id, comment);
            messages.success(redirect, approve ? "admin.extensions.approved" : "admin.extensions.refused",
                    decided.instanceName(), decided.requesterName());
        } catch (ConflictException e) {
            AdminMessages.flash(redirect, Flash.danger(e.getMessage()));
        }
        return "redirect:/admin/extension-requests";
    }
}
