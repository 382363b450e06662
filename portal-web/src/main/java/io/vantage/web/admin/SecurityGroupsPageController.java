package io.vantage.web.admin;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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

import io.vantage.api.admin.SecurityGroupAdmin;
import io.vantage.api.admin.SecurityGroupView;
import io.vantage.api.catalogue.FlavourAdmin;
import io.vantage.api.catalogue.FlavourView;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.security.CurrentUser;

/** Security groups the portal attaches to new instances on one cloud: for all, or by role, instrument or flavour. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/security-groups")
class SecurityGroupsPageController {

    private final SecurityGroupAdmin groups;
    private final FlavourAdmin flavours;
    private final AdminOptions options;
    private final AdminMessages messages;

    SecurityGroupsPageController(SecurityGroupAdmin groups, FlavourAdmin flavours, AdminOptions options,
                                 AdminMessages messages) {
        this.groups = groups;
        this.flavours = flavours;
        this.options = options;
        this.messages = messages;
    }

    static class GroupForm {
        @NotBlank @Size(max = 255) private String name;
        private boolean defaultForAll;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public boolean isDefaultForAll() { return defaultForAll; }
        public void setDefaultForAll(boolean defaultForAll) { this.defaultForAll = defaultForAll; }
    }

    @GetMapping
    String list(@RequestParam(required = false) Long providerId, Model model) {
        model.addAttribute("groupForm", new GroupForm());
        return page(providerId, model);
    }

    /** The name is checked against the cloud when it answers; otherwise it is kept with a warning. */
    @PostMapping
    String create(CurrentUser admin, @RequestParam Long providerId, @Valid @ModelAttribute("groupForm") GroupForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                SecurityGroupView created = groups.create(admin, providerId,
                        new SecurityGroupAdmin.NewSecurityGroup(form.getName(), form.isDefaultForAll()));
                AdminMessages.flash(redirect, created.warning() != null ? Flash.warning(created.warning())
                        : Flash.success(messages.get("admin.securityGroups.created", created.name())));
                return "redirect:/admin/security-groups?providerId=" + providerId;
            } catch (FieldException | ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        return page(providerId, model);
    }

    @PostMapping("/{id}/default")
    String setDefault(CurrentUser admin, @PathVariable Long id, @RequestParam boolean defaultForAll,
                      RedirectAttributes redirect) {
        SecurityGroupView group = groups.setDefault(admin, id, defaultForAll);
        messages.success(redirect, defaultForAll ? "admin.securityGroups.forAll" : "admin.securityGroups.byRules",
                group.name());
        return "redirect:/admin/security-groups?providerId=" + group.providerId();
    }

    /** {@code rule} is "ROLE:name", "INSTRUMENT:id" or "FLAVOUR:id", from one select listing all three. */
    @PostMapping("/{id}/rules")
    String addRule(CurrentUser admin, @PathVariable Long id, @RequestParam Long providerId,
                   @RequestParam(required = false) String rule, RedirectAttributes redirect) {
        int colon = rule == null ? -1 : rule.indexOf(':');
        if (colon < 0) {
            AdminMessages.flash(redirect, Flash.danger(messages.get("admin.securityGroups.ruleMissing")));
            return "redirect:/admin/security-groups?providerId=" + providerId;
        }
        String target = rule.substring(0, colon);
        String value = rule.substring(colon + 1);
        try {
            groups.addRule(admin, id, new SecurityGroupAdmin.NewRule(target, "ROLE".equals(target) ? value : null,
                    "INSTRUMENT".equals(target) ? value : null, "FLAVOUR".equals(target) ? Long.valueOf(value) : null));
            messages.success(redirect, "admin.securityGroups.ruleAdded");
        } catch (FieldException | ConflictException | IllegalArgumentException e) {
            AdminMessages.flash(redirect, Flash.danger(e.getMessage()));
        }
        return "redirect:/admin/security-groups?providerId=" + providerId;
    }

    @PostMapping("/{id}/rules/{ruleId}/delete")
    String removeRule(CurrentUser admin, @PathVariable Long id, @PathVariable Long ruleId,
                      RedirectAttributes redirect) {
        SecurityGroupView group = groups.removeRule(admin, id, ruleId);
        messages.success(redirect, "admin.securityGroups.ruleRemoved");
        return "redirect:/admin/security-groups?providerId=" + group.providerId();
    }

    @PostMapping("/{id}/delete")
    String delete(CurrentUser admin, @PathVariable Long id, @RequestParam Long providerId,
                  RedirectAttributes redirect) {
        groups.delete(admin, id);
        messages.success(redirect, "admin.securityGroups.deleted");
        return "redirect:/admin/security-groups?providerId=" + providerId;
    }

    private String page(Long providerId, Model model) {
        List<AdminOptions.Option> providers = options.providers();
        Long chosen = providerId != null ? providerId : providers.isEmpty() ? null
                : Long.valueOf(providers.get(0).value());
        List<FlavourView> onProvider = flavours.list(false).stream()
                .filter(f -> f.providerId().equals(chosen)).toList();
        model.addAttribute("providers", providers);
        model.addAttribute("providerId", chosen);
        model.addAttribute("groups", chosen == null ? List.of() : groups.list(chosen));
        model.addAttribute("roles", options.roles());
        model.addAttribute("instruments", options.instruments());
        model.addAttribute("flavours", onProvider);
        Map<Long, String> flavourNames = flavours.list(true).stream()
                .collect(Collectors.toMap(FlavourView::id, FlavourView::name));
        model.addAttribute("flavourNames", flavourNames);
        return "admin/security-groups";
    }
}
