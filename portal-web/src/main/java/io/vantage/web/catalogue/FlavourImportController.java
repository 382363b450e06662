package io.vantage.web.catalogue;

import java.util.List;

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
import io.vantage.api.catalogue.FlavourAdmin;
import io.vantage.api.catalogue.FlavourView;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.CurrentUser;
import io.vantage.web.admin.AdminMessages;
import io.vantage.web.admin.AdminOptions;
import io.vantage.web.admin.Flash;
import io.vantage.web.admin.FormErrors;

/**
 * Registering a flavour: the cloud's flavours are listed so one can be picked (its sizes fill the form); when
 * the cloud does not answer the admin can still type the cloud flavour id.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/flavours")
class FlavourImportController {

    private final CloudCatalogue catalogue;
    private final FlavourAdmin flavours;
    private final AdminOptions options;
    private final AdminMessages messages;

    FlavourImportController(CloudCatalogue catalogue, FlavourAdmin flavours, AdminOptions options,
                            AdminMessages messages) {
        this.catalogue = catalogue;
        this.flavours = flavours;
        this.options = options;
        this.messages = messages;
    }

    @GetMapping("/new")
    String newFlavour(@RequestParam(required = false) Long providerId, @RequestParam(required = false) String offered,
                      Model model) {
        FlavourForm form = new FlavourForm();
        List<AdminOptions.Option> providers = options.providers();
        form.setProviderId(providerId != null ? providerId
                : providers.size() == 1 ? Long.valueOf(providers.get(0).value()) : null);
        form.setProviderFlavourId(offered);
        model.addAttribute("flavourForm", form);
        List<CloudCatalogue.OfferedFlavour> list = offered(form.getProviderId(), model);
        list.stream().filter(f -> f.id().equals(offered)).findFirst().ifPresent(f -> {
            form.setName(f.name());
            form.setCpu(f.vcpus());
            form.setMemoryMib(f.memoryMib());
            form.setGpu(f.gpus());
        });
        return "admin/flavour-new";
    }

    @PostMapping
    String create(CurrentUser admin, @Valid @ModelAttribute("flavourForm") FlavourForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                FlavourView created = flavours.create(admin, form.toNewFlavour());
                AdminMessages.flash(redirect, created.warning() != null ? Flash.warning(created.warning())
                        : Flash.success(messages.get("admin.flavours.registered", created.name())));
                return "redirect:/admin/flavours";
            } catch (FieldException | ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        offered(form.getProviderId(), model);
        return "admin/flavour-new";
    }

    /** What the chosen cloud offers, or why it cannot be listed (on the page, not as an error). */
    private List<CloudCatalogue.OfferedFlavour> offered(Long providerId, Model model) {
        model.addAttribute("providers", options.providers());
        if (providerId == null) {
            return List.of();
        }
        try {
            List<CloudCatalogue.OfferedFlavour> offered = catalogue.flavours(providerId);
            model.addAttribute("offered", offered);
            return offered;
        } catch (ConflictException | NotFoundException e) {
            model.addAttribute("cloudProblem", e.getMessage());
            return List.of();
        }
    }
}
