package io.vantage.web.instance;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.vantage.api.expiry.LifetimeViews;
import io.vantage.api.instance.InstanceActions;
import io.vantage.api.instance.InstanceQueries;
import io.vantage.api.instance.InstanceView;
import io.vantage.api.security.CurrentUser;

/** Pieces of pages that htmx swaps in: an instance's card after a live update or an action. */
@Controller
class InstanceFragmentsController {

    private final InstanceQueries queries;
    private final InstanceActions actions;
    private final LifetimeViews lifetimes;

    InstanceFragmentsController(InstanceQueries queries, InstanceActions actions, LifetimeViews lifetimes) {
        this.queries = queries;
        this.actions = actions;
        this.lifetimes = lifetimes;
    }

    @GetMapping("/fragments/instances/{uid}/card")
    String card(CurrentUser user, @PathVariable String uid, Model model) {
        InstanceView instance = queries.one(user, uid);
        model.addAttribute("i", instance);
        model.addAttribute("lives", java.util.Map.of(uid, lifetimes.view(user, uid)));
        return "DELETED".equals(instance.state()) ? "fragments/instance-card :: removed" : "fragments/instance-card :: card";
    }

    @PostMapping("/instances/{uid}/actions/{action}")
    String act(CurrentUser user, @PathVariable String uid, @PathVariable String action, Model model) {
        switch (action) {
            case "start" -> actions.start(user, uid);
            case "stop" -> actions.stop(user, uid);
            case "reboot" -> actions.reboot(user, uid);
            case "delete" -> actions.delete(user, uid);
            default -> throw new IllegalArgumentException("Unknown action '" + action + "'");
        }
        return card(user, uid, model);
    }
}
