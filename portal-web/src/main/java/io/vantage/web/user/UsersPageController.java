package io.vantage.web.user;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.vantage.api.admin.PageView;
import io.vantage.api.user.UserAdmin;
import io.vantage.api.user.UserViews;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.security.CurrentUser;
import io.vantage.web.admin.AdminMessages;
import io.vantage.web.admin.AdminOptions;
import io.vantage.web.admin.AdminTime;
import io.vantage.web.admin.Flash;
import io.vantage.web.admin.FormErrors;
import io.vantage.web.admin.Pager;
import io.vantage.web.user.UserForms.GrantForm;
import io.vantage.web.user.UserForms.QuotaForm;

/** People: search, and on a person's page their role grants, instance quota and sessions. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/users")
class UsersPageController {

    /** The instances list's page size, which this page used when both were in web.admin. */
    private static final int PAGE_SIZE = 25;

    private final UserAdmin users;
    private final AdminOptions options;
    private final AdminMessages messages;

    UsersPageController(UserAdmin users, AdminOptions options, AdminMessages messages) {
        this.users = users;
        this.options = options;
        this.messages = messages;
    }

    @GetMapping
    String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model,
                  HttpServletRequest request) {
        PageView<UserViews.Summary> found = users.search(q, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("users", found.items());
        model.addAttribute("pager", Pager.of(found, request));
        model.addAttribute("q", q);
        return "admin/users";
    }

    @GetMapping("/{id}")
    String user(@PathVariable String id, Model model) {
        UserViews.Detail user = users.get(id);
        model.addAttribute("grant", new GrantForm());
        model.addAttribute("quota", new QuotaForm(user.instanceQuota()));
        return page(user, model);
    }

    @PostMapping("/{id}/roles")
    String grant(CurrentUser admin, @PathVariable String id, @Valid @ModelAttribute("grant") GrantForm form,
                 BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                users.grant(admin, id, new UserAdmin.GrantRequest(form.getRole(), AdminTime.instant(form.getExpiresAt())));
                messages.success(redirect, "admin.users.granted", form.getRole());
                return "redirect:/admin/users/" + id;
            } catch (FieldException | ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        UserViews.Detail user = users.get(id);
        model.addAttribute("quota", new QuotaForm(user.instanceQuota()));
        return page(user, model);
    }

    /** Grants from the user office or the login token are refused with where they are managed. */
    @PostMapping("/{id}/roles/{role}/revoke")
    String revoke(CurrentUser admin, @PathVariable String id, @PathVariable String role, RedirectAttributes redirect) {
        try {
            users.revoke(admin, id, role);
            messages.success(redirect, "admin.users.revoked", role);
        } catch (ConflictException e) {
            AdminMessages.flash(redirect, Flash.danger(e.getMessage()));
        }
        return "redirect:/admin/users/" + id;
    }

    /** Signs the person out everywhere (audited; their open connections close too). */
    @PostMapping("/{id}/sessions/end")
    String endSessions(CurrentUser admin, @PathVariable String id, RedirectAttributes redirect) {
        int ended = users.endSessions(admin, id).ended();
        messages.success(redirect, "admin.users.sessionsEnded", ended);
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/quota")
    String quota(CurrentUser admin, @PathVariable String id, @Valid @ModelAttribute("quota") QuotaForm form,
                 BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("grant", new GrantForm());
            return page(users.get(id), model);
        }
        users.setQuota(admin, id, new UserAdmin.QuotaRequest(form.getInstanceQuota()));
        messages.success(redirect, form.getInstanceQuota() == null ? "admin.users.quotaRemoved" : "admin.users.quotaSet",
                form.getInstanceQuota());
        return "redirect:/admin/users/" + id;
    }

    private String page(UserViews.Detail user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("roles", options.roles());
        return "admin/user";
    }
}
