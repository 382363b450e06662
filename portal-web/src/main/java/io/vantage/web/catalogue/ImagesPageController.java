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
import io.vantage.api.catalogue.ImageView;
import io.vantage.api.admin.Withdrawal;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.security.CurrentUser;
import io.vantage.web.admin.AdminMessages;
import io.vantage.web.admin.AdminOptions;
import io.vantage.web.admin.Flash;
import io.vantage.web.admin.FormErrors;

/** Images: the list, and changing or withdrawing one. Registering one from a cloud is {@link ImageImportController}. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/images")
class ImagesPageController {

    private final ImageAdmin images;
    private final AdminOptions options;
    private final AdminMessages messages;

    ImagesPageController(ImageAdmin images, AdminOptions options, AdminMessages messages) {
        this.images = images;
        this.options = options;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "false") boolean deleted, Model model) {
        model.addAttribute("images", images.list(deleted));
        model.addAttribute("deleted", deleted);
        return "admin/images";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable Long id, Model model) {
        ImageView image = images.get(id);
        model.addAttribute("imageForm", ImageForm.of(image));
        return form(image, model);
    }

    @PostMapping("/{id}")
    String update(CurrentUser admin, @PathVariable Long id, @Valid @ModelAttribute("imageForm") ImageForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                ImageView saved = images.update(admin, id, form.toChanges());
                messages.success(redirect, "admin.images.saved", saved.name());
                return "redirect:/admin/images";
            } catch (FieldException | ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(images.get(id), model);
    }

    /** Soft delete: says how many plans went with it and that live instances keep running. */
    @PostMapping("/{id}/delete")
    String delete(CurrentUser admin, @PathVariable Long id, RedirectAttributes redirect) {
        Withdrawal withdrawal = images.delete(admin, id);
        AdminMessages.flash(redirect, withdrawal.liveInstances() > 0 ? Flash.warning(withdrawal.message())
                : Flash.success(withdrawal.message()));
        return "redirect:/admin/images";
    }

    String form(ImageView image, Model model) {
        model.addAttribute("image", image);
        model.addAttribute("protocols", options.protocols());
        return "admin/image-form";
    }
}
