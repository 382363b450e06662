package io.vantage.web.instance;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.vantage.api.data.InstanceData;
import io.vantage.api.error.FieldException;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.instance.IllegalInstanceStateException;

/** The instance page's Data tab: its folders under ~/data, and (for the owner) adding an experiment. */
@Controller
class InstanceDataPageController {

    private final InstanceData data;

    InstanceDataPageController(InstanceData data) {
        this.data = data;
    }

    @GetMapping("/fragments/instances/{uid}/data")
    String panel(CurrentUser user, @PathVariable String uid, Model model) {
        model.addAttribute("data", data.of(user, uid));
        model.addAttribute("uid", uid);
        return "instance/data :: panel";
    }

    @PostMapping("/fragments/instances/{uid}/data/experiments")
    String add(CurrentUser user, @PathVariable String uid, @RequestParam(defaultValue = "") String experimentId,
               Model model) {
        try {
            model.addAttribute("data", data.addExperiment(user, uid, experimentId.strip()));
            model.addAttribute("added", experimentId.strip());
        } catch (FieldException | AccessDeniedException | IllegalInstanceStateException | IllegalArgumentException e) {
            model.addAttribute("data", data.of(user, uid));
            model.addAttribute("addError", e.getMessage());
        }
        model.addAttribute("uid", uid);
        return "instance/data :: panel";
    }
}
