package io.vantage.web.cloud;

import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.vantage.api.cloud.ProviderAdmin;
import io.vantage.api.cloud.ProviderFactories;
import io.vantage.api.cloud.ProviderQueries;
import io.vantage.api.cloud.ProviderRequests;
import io.vantage.api.cloud.ProviderView;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.security.CurrentUser;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.web.admin.AdminMessages;
import io.vantage.web.admin.Flash;
import io.vantage.web.admin.FormErrors;

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
    private final ProviderFactories factories;
    private final Validator validator;
    private final AdminMessages messages;

    ProvidersPageController(ProviderQueries queries, ProviderAdmin providers, ProviderFactories factories,
                            Validator validator, AdminMessages messages) {
        this.queries = queries;
        this.providers = providers;
        this.factories = factories;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("providers", queries.list());
        return "admin/providers";
    }

    @GetMapping("/new")
    String newProvider(@RequestParam(required = false) String type, Model model) {
        ProviderForm form = new ProviderForm();
        if (type != null && factories.forType(type).isPresent()) {
            form.setType(type);
        }
        model.addAttribute("providerForm", form);
        return formPage(model, form.getType());
    }

    /** The settings fields of one type, swapped in when the type is changed in the form. */
    @GetMapping("/new/fields")
    String fields(@RequestParam String type, Model model) {
        ProviderForm form = new ProviderForm();
        form.setType(type);
        model.addAttribute("providerForm", form);
        formPage(model, type);
        return "admin/provider-form :: fields";
    }

    @PostMapping
    String create(CurrentUser admin, @Valid @ModelAttribute("providerForm") ProviderForm form, BindingResult result,
                  RedirectAttributes redirect, Model model) {
        try {
            Map<String, Object> settings = form.settings();
            if (FormErrors.valid(validator, form.toRequest(settings), result)) {
                ProviderView created = providers.create(admin, form.toRequest(settings));
                messages.success(redirect, "admin.providers.created", created.name());
                return "redirect:/admin/providers";
            }
        } catch (FieldException e) {
            FormErrors.reject(result, new FieldException(ProviderForm.formField(e.field()), e.getMessage()));
        } catch (ConflictException e) {
            FormErrors.reject(result, e);
        }
        return formPage(model, form.getType());
    }

    /** Settings of a provider added at runtime; secrets show as the mask, and the mask sent back keeps them. */
    @GetMapping("/{id}/edit")
    String edit(@PathVariable Long id, Model model) {
        ProviderView view = queries.get(id, null);
        ProviderForm form = new ProviderForm();
        form.setName(view.name());
        form.setType(view.type());
        form.setEnabled(view.enabled());
        if (view.settings() != null) {
            view.settings().forEach((key, value) -> form.getValues().put(key, ProviderForm.text(value)));
        }
        model.addAttribute("providerForm", form);
        model.addAttribute("provider", view);
        return formPage(model, view.type());
    }

    @PostMapping("/{id}/settings")
    String update(CurrentUser admin, @PathVariable Long id, @ModelAttribute("providerForm") ProviderForm form,
                  BindingResult result, RedirectAttributes redirect, Model model) {
        ProviderView view = queries.get(id, null);
        try {
            providers.updateSettings(admin, id, new ProviderRequests.SettingsChange(form.settings()));
            messages.success(redirect, "admin.providers.updated", view.name());
            return "redirect:/admin/providers";
        } catch (FieldException e) {
            FormErrors.reject(result, new FieldException(ProviderForm.formField(e.field()), e.getMessage()));
        } catch (ConflictException e) {
            FormErrors.reject(result, e);
        }
        form.setName(view.name());
        form.setType(view.type());
        model.addAttribute("provider", view);
        return formPage(model, view.type());
    }

    private String formPage(Model model, String type) {
        model.addAttribute("providerTypes", factories.all().stream()
                .map(f -> new TypeChoice(f.type(), f.description())).toList());
        model.addAttribute("settingFields", factories.forType(type).map(CloudProviderFactory::settings)
                .orElse(List.of()));
        return "admin/provider-form";
    }

    /** A type in the form's select box. */
    record TypeChoice(String type, String description) {
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
