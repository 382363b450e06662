package io.vantage.web.admin;

import java.util.Map;

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

import io.vantage.api.admin.ProviderAdmin;
import io.vantage.api.admin.ProviderQueries;
import io.vantage.api.admin.ProviderView;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.security.CurrentUser;

/**
 * Clouds: health, adding one at runtime, testing the connection (an htmx call answered with the result), switching
 * on and off, and deleting an unused one. Providers from the configuration file are shown but refused changes.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/providers")
class ProvidersPageController {

    private final ProviderQueries queries;
    private final ProviderAdmin providers;
    private final Validator validator;
    private final AdminMessages messages;

    ProvidersPageController(ProviderQueries queries, ProviderAdmin providers, Validator validator,
                            AdminMessages messages) {
        this.queries = queries;
        this.providers = providers;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("providers", queries.list());
        return "admin/providers";
    }

    @GetMapping("/new")
    String newProvider(Model model) {
        model.addAttribute("providerForm", new ProviderForm());
        return "admin/provider-form";
    }

    @PostMapping
    String create(CurrentUser admin, @Valid @ModelAttribute("providerForm") ProviderForm form, BindingResult result,
                  RedirectAttributes redirect) {
        Map<String, Object> settings = form.settingsMap();
        if (settings == null) {
            result.rejectValue("settings", "admin.providers.settings.json");
        }
        if (FormErrors.valid(validator, form.toRequest(settings), result)) {
            try {
                ProviderView created = providers.create(admin, form.toRequest(settings));
                messages.success(redirect, "admin.providers.created", created.name());
                return "redirect:/admin/providers";
            } catch (FieldException | ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        return "admin/provider-form";
    }

    @PostMapping("/{id}/test")
    String test(@PathVariable Long id, Model model) {
        model.addAttribute("test", queries.test(id));
        return "admin/provider-test :: result";
    }

    @PostMapping("/{id}/{switch:enable|disable}")
    String enable(CurrentUser admin, @PathVariable Long id, @PathVariable("switch") String change,
                  RedirectAttributes redirect) {
        try {
            ProviderView view = providers.enable(admin, id, "enable".equals(change));
            AdminMessages.flash(redirect, view.warning() != null ? Flash.warning(view.warning()) : Flash.success(
                    messages.get(view.enabled() ? "admin.providers.enabled" : "admin.providers.disabled", view.name())));
        } catch (ConflictException e) {
            AdminMessages.flash(redirect, Flash.danger(e.getMessage()));
        }
        return "redirect:/admin/providers";
    }

    /** Refused, with what still uses it, while images, flavours or instances need it. */
    @PostMapping("/{id}/delete")
    String delete(CurrentUser admin, @PathVariable Long id, RedirectAttributes redirect) {
        try {
            providers.delete(admin, id);
            messages.success(redirect, "admin.providers.deleted");
        } catch (ConflictException e) {
            AdminMessages.flash(redirect, Flash.danger(e.getMessage()));
        }
        return "redirect:/admin/providers";
    }
}
