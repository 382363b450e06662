package io.vantage.web.data;

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

import io.vantage.api.data.DataStoreAdmin;
import io.vantage.api.data.DataStoreView;
import io.vantage.api.error.FieldException;
import io.vantage.api.security.CurrentUser;
import io.vantage.web.admin.AdminMessages;
import io.vantage.web.admin.AdminOptions;
import io.vantage.web.admin.FormErrors;

/** Where experiment data lives and how each cloud's machines reach it; with a preview for one experiment. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/data-stores")
class DataStoresPageController {

    private final DataStoreAdmin stores;
    private final AdminOptions options;
    private final Validator validator;
    private final AdminMessages messages;

    DataStoresPageController(DataStoreAdmin stores, AdminOptions options, Validator validator, AdminMessages messages) {
        this.stores = stores;
        this.options = options;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String experimentId, @RequestParam(required = false) Long providerId,
                Model model) {
        model.addAttribute("stores", stores.list());
        model.addAttribute("providers", options.providers());
        if (experimentId != null && !experimentId.isBlank()) {
            try {
                model.addAttribute("preview", stores.preview(experimentId.strip(), providerId));
            } catch (FieldException e) {
                model.addAttribute("previewError", e.getMessage());
            }
        }
        return "admin/data-stores";
    }

    @GetMapping("/new")
    String newStore(Model model) {
        model.addAttribute("dataStoreForm", new DataStoreForm());
        return form(null, model);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable Long id, Model model) {
        DataStoreView store = stores.get(id);
        model.addAttribute("dataStoreForm", DataStoreForm.of(store));
        return form(store, model);
    }

    @PostMapping
    String create(CurrentUser admin, @ModelAttribute("dataStoreForm") DataStoreForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        return save(admin, null, form, result, model, redirect);
    }

    @PostMapping("/{id}")
    String update(CurrentUser admin, @PathVariable Long id, @ModelAttribute("dataStoreForm") DataStoreForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        return save(admin, id, form, result, model, redirect);
    }

    @PostMapping("/{id}/delete")
    String delete(CurrentUser admin, @PathVariable Long id, RedirectAttributes redirect) {
        stores.delete(admin, id);
        messages.success(redirect, "admin.dataStores.deleted");
        return "redirect:/admin/data-stores";
    }

    private String save(CurrentUser admin, Long id, DataStoreForm form, BindingResult result, Model model,
                        RedirectAttributes redirect) {
        if (FormErrors.valid(validator, form.toRequest(), result)) {
            try {
                if (id == null) {
                    stores.create(admin, form.toRequest());
                } else {
                    stores.update(admin, id, form.toRequest());
                }
                messages.success(redirect, "admin.dataStores.saved");
                return "redirect:/admin/data-stores";
            } catch (FieldException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(id == null ? null : stores.get(id), model);
    }

    private String form(DataStoreView store, Model model) {
        model.addAttribute("store", store);
        model.addAttribute("instruments", options.instruments());
        model.addAttribute("providers", options.providers());
        model.addAttribute("kinds", java.util.List.of("LOCAL", "NFS", "DCACHE_NFS41", "CEPHFS", "KUBERNETES_CLAIM", "CSI"));
        return "admin/data-store-form";
    }
}
