package io.vantage.web.catalogue;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.vantage.api.catalogue.CloudCatalogue;
import io.vantage.api.catalogue.ImageAdmin;
import io.vantage.api.catalogue.ImageView;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.CurrentUser;
import io.vantage.web.admin.AdminMessages;
import io.vantage.web.admin.AdminOptions;
import io.vantage.web.admin.Flash;
import io.vantage.web.admin.FormErrors;

/** Registering an image: pick a cloud, pick one of the images it offers, then describe it for scientists. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/images")
class ImageImportController {

    private final CloudCatalogue catalogue;
    private final ImageAdmin images;
    private final AdminOptions options;
    private final AdminMessages messages;

    ImageImportController(CloudCatalogue catalogue, ImageAdmin images, AdminOptions options, AdminMessages messages) {
        this.catalogue = catalogue;
        this.images = images;
        this.options = options;
        this.messages = messages;
    }

    /** A cloud that does not answer is explained on the page; the admin can try again or pick another. */
    @GetMapping("/import")
    String offered(@RequestParam(required = false) Long providerId, Model model) {
        List<AdminOptions.Option> providers = options.providers();
        Long chosen = providerId != null ? providerId
                : providers.size() == 1 ? Long.valueOf(providers.get(0).value()) : null;
        model.addAttribute("providers", providers);
        model.addAttribute("providerId", chosen);
        if (chosen != null) {
            try {
                model.addAttribute("offered", catalogue.images(chosen));
            } catch (ConflictException | NotFoundException e) {
                model.addAttribute("cloudProblem", e.getMessage());
            }
        }
        return "admin/image-import";
    }

    @GetMapping("/new")
    String newImage(@RequestParam Long providerId, @RequestParam String providerImageId, Model model) {
        ImageForm form = new ImageForm();
        form.setProviderId(providerId);
        form.setProviderImageId(providerImageId);
        offeredImage(providerId, providerImageId).ifPresent(offered -> form.setName(offered.name()));
        model.addAttribute("imageForm", form);
        return form(form, model);
    }

    @PostMapping
    String create(CurrentUser admin, @Valid @ModelAttribute("imageForm") ImageForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                ImageView created = images.create(admin, form.toNewImage());
                AdminMessages.flash(redirect, created.warning() != null ? Flash.warning(created.warning())
                        : Flash.success(messages.get("admin.images.registered", created.name())));
                return "redirect:/admin/images";
            } catch (FieldException | ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(form, model);
    }

    private Optional<CloudCatalogue.OfferedImage> offeredImage(Long providerId, String id) {
        try {
            return catalogue.images(providerId).stream().filter(i -> i.id().equals(id)).findFirst();
        } catch (ConflictException | NotFoundException e) {
            return Optional.empty();
        }
    }

    private String form(ImageForm form, Model model) {
        model.addAttribute("image", null);
        model.addAttribute("protocols", options.protocols());
        model.addAttribute("providerName", options.providers().stream()
                .filter(p -> p.value().equals(String.valueOf(form.getProviderId()))).map(AdminOptions.Option::label)
                .findFirst().orElse(String.valueOf(form.getProviderId())));
        return "admin/image-form";
    }
}
