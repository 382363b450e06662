package io.vantage.web.catalogue;

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

import io.vantage.api.catalogue.ImageAdmin;
import io.vantage.api.catalogue.PlanAdmin;
import io.vantage.api.catalogue.PlanView;
import io.vantage.api.admin.Withdrawal;
import io.vantage.api.catalogue.FlavourAdmin;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.security.CurrentUser;
import io.vantage.web.admin.AdminMessages;
import io.vantage.web.admin.Flash;
import io.vantage.web.admin.FormErrors;

/** Plans: which image may run on which flavour. Created on the list page, below the plans there are. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/plans")
class PlansPageController {

    private final PlanAdmin plans;
    private final ImageAdmin images;
    private final FlavourAdmin flavours;
    private final AdminMessages messages;

    PlansPageController(PlanAdmin plans, ImageAdmin images, FlavourAdmin flavours, AdminMessages messages) {
        this.plans = plans;
        this.images = images;
        this.flavours = flavours;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "false") boolean deleted, Model model) {
        model.addAttribute("planForm", new PlanForm());
        return page(deleted, model);
    }

    @PostMapping
    String create(CurrentUser admin, @Valid @ModelAttribute("planForm") PlanForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                PlanView plan = plans.create(admin, form.toNewPlan());
                messages.success(redirect, "admin.plans.created", plan.imageName(), plan.flavourName());
                return "redirect:/admin/plans";
            } catch (FieldException | ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        return page(false, model);
    }

    @PostMapping("/{id}/preset")
    String preset(CurrentUser admin, @PathVariable Long id, @RequestParam boolean preset,
                  RedirectAttributes redirect) {
        PlanView plan = plans.preset(admin, id, preset);
        messages.success(redirect, preset ? "admin.plans.presetOn" : "admin.plans.presetOff", plan.imageName(),
                plan.flavourName());
        return "redirect:/admin/plans";
    }

    @PostMapping("/{id}/delete")
    String delete(CurrentUser admin, @PathVariable Long id, RedirectAttributes redirect) {
        Withdrawal withdrawal = plans.delete(admin, id);
        AdminMessages.flash(redirect, withdrawal.liveInstances() > 0 ? Flash.warning(withdrawal.message())
                : Flash.success(withdrawal.message()));
        return "redirect:/admin/plans";
    }

    private String page(boolean deleted, Model model) {
        model.addAttribute("plans", plans.list(deleted));
        model.addAttribute("deleted", deleted);
        model.addAttribute("images", images.list(false));
        model.addAttribute("flavours", flavours.list(false));
        return "admin/plans";
    }
}
