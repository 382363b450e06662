package io.vantage.web.expiry;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.convert.DurationStyle;
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
import io.vantage.api.expiry.WarningLeadAdmin;
import io.vantage.api.security.CurrentUser;
import io.vantage.web.admin.AdminMessages;
import io.vantage.web.admin.Flash;

/**
 * How early people are warned before their instances are deleted, per role and per image, and a test e-mail. A
 * lead is typed as {@code 48h}, {@code 90m}, {@code 2d} or plain minutes; empty leaves it to the next rule.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/lifetime")
class LifetimeSettingsPageController {

    private final WarningLeadAdmin leads;
    private final AdminMessages messages;

    LifetimeSettingsPageController(WarningLeadAdmin leads, AdminMessages messages) {
        this.leads = leads;
        this.messages = messages;
    }

    /** A row whose new leads were refused: its typed values and an error per field. */
    record Failed(String key, Map<String, String> values, Map<String, String> errors) {
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("leads", leads.overview());
        return "admin/lifetime";
    }

    @PostMapping("/roles/{name}")
    String setRole(CurrentUser admin, @PathVariable String name, @RequestParam(required = false) String lifetimeWarning,
                   @RequestParam(required = false) String inactivityWarning, Model model, RedirectAttributes redirect) {
        Parsed parsed = parse(lifetimeWarning, inactivityWarning);
        if (!parsed.errors().isEmpty()) {
            return refused("role-" + name, lifetimeWarning, inactivityWarning, parsed, model);
        }
        leads.setForRole(admin.id(), name, parsed.leads());
        messages.success(redirect, "admin.lifetime.saved", name);
        return "redirect:/admin/lifetime";
    }

    @PostMapping("/roles/{name}/reset")
    String resetRole(CurrentUser admin, @PathVariable String name, RedirectAttributes redirect) {
        leads.resetRole(admin.id(), name);
        messages.success(redirect, "admin.lifetime.reset", name);
        return "redirect:/admin/lifetime";
    }

    @PostMapping("/images/{id}")
    String setImage(CurrentUser admin, @PathVariable Long id, @RequestParam(required = false) String lifetimeWarning,
                    @RequestParam(required = false) String inactivityWarning, Model model, RedirectAttributes redirect) {
        Parsed parsed = parse(lifetimeWarning, inactivityWarning);
        if (!parsed.errors().isEmpty()) {
            return refused("image-" + id, lifetimeWarning, inactivityWarning, parsed, model);
        }
        WarningLeadAdmin.ImageLeads saved = leads.setForImage(admin.id(), id, parsed.leads());
        messages.success(redirect, "admin.lifetime.saved", saved.name());
        return "redirect:/admin/lifetime";
    }

    @PostMapping("/images/{id}/reset")
    String resetImage(CurrentUser admin, @PathVariable Long id, RedirectAttributes redirect) {
        leads.resetImage(admin.id(), id);
        messages.success(redirect, "admin.lifetime.reset", id);
        return "redirect:/admin/lifetime";
    }

    @PostMapping("/test-mail")
    String testMail(CurrentUser admin, RedirectAttributes redirect) {
        try {
            messages.success(redirect, "admin.lifetime.testMail.sent", leads.sendTestMail(admin.id()));
        } catch (ConflictException e) {
            AdminMessages.flash(redirect, Flash.danger(e.getMessage()));
        }
        return "redirect:/admin/lifetime";
    }

    private record Parsed(WarningLeadAdmin.Leads leads, Map<String, String> errors) {
    }

    private Parsed parse(String lifetime, String inactivity) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer lifetimeMinutes = minutes("lifetimeWarning", lifetime, errors);
        Integer inactivityMinutes = minutes("inactivityWarning", inactivity, errors);
        return new Parsed(new WarningLeadAdmin.Leads(lifetimeMinutes, inactivityMinutes), errors);
    }

    private Integer minutes(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String value = text.strip();
            Duration lead = value.chars().allMatch(Character::isDigit) ? Duration.ofMinutes(Long.parseLong(value))
                    : DurationStyle.detectAndParse(value);
            if (lead.toMinutes() < 1 || lead.toMinutes() > WarningLeadAdmin.MAX_MINUTES) {
                errors.put(field, messages.get("admin.lifetime.range"));
                return null;
            }
            return (int) lead.toMinutes();
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            errors.put(field, messages.get("admin.lifetime.format"));
            return null;
        }
    }

    private String refused(String key, String lifetime, String inactivity, Parsed parsed, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("lifetimeWarning", lifetime);
        values.put("inactivityWarning", inactivity);
        model.addAttribute("failed", new Failed(key, values, parsed.errors()));
        return page(model);
    }
}
