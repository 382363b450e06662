package io.vantage.web.user;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.vantage.api.user.GroupAdmin;
import io.vantage.api.user.RolePolicyAdmin;
import io.vantage.api.user.RoleView;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.security.CurrentUser;
import io.vantage.web.admin.AdminMessages;
import io.vantage.web.admin.Flash;
import io.vantage.web.admin.FormErrors;
import io.vantage.web.user.RoleForms.GroupForm;
import io.vantage.web.user.RoleForms.PolicyForm;

/** Roles and groups with the quota and lifetimes their holders get, where that policy comes from, and groups. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin")
class RolesPageController {

    private final RolePolicyAdmin policies;
    private final GroupAdmin groups;
    private final Validator validator;
    private final AdminMessages messages;

    RolesPageController(RolePolicyAdmin policies, GroupAdmin groups, Validator validator, AdminMessages messages) {
        this.policies = policies;
        this.groups = groups;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping("/roles")
    String list(Model model) {
        model.addAttribute("groupForm", new GroupForm());
        return listPage(model);
    }

    @GetMapping("/roles/{name}")
    String role(@PathVariable String name, Model model) {
        RoleView role = policies.get(name);
        model.addAttribute("policyForm", PolicyForm.of(role.policy()));
        model.addAttribute("role", role);
        return "admin/role";
    }

    @PostMapping("/roles/{name}/policy")
    String setPolicy(CurrentUser admin, @PathVariable String name, @Valid @ModelAttribute("policyForm") PolicyForm form,
                     BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("role", policies.get(name));
            return "admin/role";
        }
        policies.set(admin, name, form.toRequest());
        messages.success(redirect, "admin.roles.policySaved", name);
        return "redirect:/admin/roles";
    }

    @PostMapping("/roles/{name}/policy/reset")
    String reset(CurrentUser admin, @PathVariable String name, RedirectAttributes redirect) {
        RoleView role = policies.reset(admin, name);
        messages.success(redirect, "admin.roles.policyReset", name,
                messages.get("admin.roles.source." + role.policy().source()));
        return "redirect:/admin/roles";
    }

    @PostMapping("/groups")
    String createGroup(CurrentUser admin, @Valid @ModelAttribute("groupForm") GroupForm form, BindingResult result,
                       Model model, RedirectAttributes redirect) {
        if (FormErrors.valid(validator, form.toRequest(), result)) {
            try {
                groups.create(admin, form.toRequest());
                messages.success(redirect, "admin.roles.groupCreated", form.getName());
                return "redirect:/admin/roles";
            } catch (FieldException | ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        return listPage(model);
    }

    /** Built-in roles, and groups still named by flavour limits or security group rules, are refused with why. */
    @PostMapping("/groups/{name}/delete")
    String deleteGroup(CurrentUser admin, @PathVariable String name, RedirectAttributes redirect) {
        try {
            GroupAdmin.Removal removal = groups.delete(admin, name);
            messages.success(redirect, "admin.roles.groupDeleted", name, removal.holdersRemoved());
        } catch (ConflictException e) {
            AdminMessages.flash(redirect, Flash.danger(e.getMessage()));
        }
        return "redirect:/admin/roles";
    }

    private String listPage(Model model) {
        model.addAttribute("roles", policies.list());
        return "admin/roles";
    }
}
