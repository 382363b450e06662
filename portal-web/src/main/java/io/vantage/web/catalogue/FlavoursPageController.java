package io.vantage.web.catalogue;

import jakarta.validation.groups.Default;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.vantage.api.admin.Withdrawal;
import io.vantage.api.catalogue.FlavourAdmin;
import io.vantage.api.catalogue.FlavourRequests;
import io.vantage.api.catalogue.FlavourView;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.CurrentUser;
import io.vantage.web.admin.AdminMessages;
import io.vantage.web.admin.AdminOptions;
import io.vantage.web.admin.Flash;
import io.vantage.web.admin.FormErrors;

/** Flavours: the list, resizing, withdrawing, and who may use them (limits). Registering is {@link FlavourImportController}. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/flavours")
class FlavoursPageController {

    private final FlavourAdmin flavours;
    private final AdminOptions options;
    private final AdminMessages messages;

    FlavoursPageController(FlavourAdmin flavours, AdminOptions options, AdminMessages messages) {
        this.flavours = flavours;
        this.options = options;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "false") boolean deleted, Model model) {
        model.addAttribute("flavours", flavours.list(deleted));
        model.addAttribute("deleted", deleted);
        return "admin/flavours";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable Long id, Model model) {
        FlavourView flavour = flavours.get(id);
        model.addAttribute("flavourForm", FlavourForm.of(flavour));
        return page(flavour, model);
    }

    @PostMapping("/{id}")
    String update(CurrentUser admin, @PathVariable Long id,
                  @Validated({Default.class, FlavourForm.Resize.class}) @ModelAttribute("flavourForm") FlavourForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                flavours.update(admin, id, form.toChanges());
                messages.success(redirect, "admin.flavours.saved", form.getName());
                return "redirect:/admin/flavours";
            } catch (FieldException | ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        return page(flavours.get(id), model);
    }

    /** Soft delete: plans offering it are withdrawn, instances already using it keep running (the flash says so). */
    @PostMapping("/{id}/delete")
    String delete(CurrentUser admin, @PathVariable Long id, RedirectAttributes redirect) {
        Withdrawal withdrawal = flavours.delete(admin, id);
        AdminMessages.flash(redirect, withdrawal.liveInstances() > 0 ? Flash.warning(withdrawal.message())
                : Flash.success(withdrawal.message()));
        return "redirect:/admin/flavours";
    }

    /** {@code target} is "ROLE:name" or "INSTRUMENT:id", from one select listing both. */
    @PostMapping("/{id}/limits")
    String addLimit(CurrentUser admin, @PathVariable Long id, @RequestParam(required = false) String target,
                    RedirectAttributes redirect) {
        if (target == null || target.indexOf(':') < 0) {
            AdminMessages.flash(redirect, Flash.danger(messages.get("admin.flavours.limitMissing")));
            return "redirect:/admin/flavours/" + id;
        }
        String kind = target.substring(0, target.indexOf(':'));
        String value = target.substring(target.indexOf(':') + 1);
        try {
            flavours.addLimit(admin, id, new FlavourRequests.NewLimit("ROLE".equals(kind) ? value : null,
                    "INSTRUMENT".equals(kind) ? value : null));
            messages.success(redirect, "admin.flavours.limitAdded");
        } catch (FieldException | ConflictException e) {
            AdminMessages.flash(redirect, Flash.danger(e.getMessage()));
        }
        return "redirect:/admin/flavours/" + id;
    }

    @PostMapping("/{id}/limits/{limitId}/delete")
    String removeLimit(CurrentUser admin, @PathVariable Long id, @PathVariable Long limitId,
                       RedirectAttributes redirect) {
        try {
            FlavourView flavour = flavours.removeLimit(admin, id, limitId);
            messages.success(redirect, flavour.limits().isEmpty() ? "admin.flavours.limitsGone"
                    : "admin.flavours.limitRemoved");
        } catch (NotFoundException e) {
            AdminMessages.flash(redirect, Flash.danger(e.getMessage()));
        }
        return "redirect:/admin/flavours/" + id;
    }

    private String page(FlavourView flavour, Model model) {
        model.addAttribute("flavour", flavour);
        model.addAttribute("roles", options.roles());
        model.addAttribute("instruments", options.instruments());
        return "admin/flavour";
    }
}
