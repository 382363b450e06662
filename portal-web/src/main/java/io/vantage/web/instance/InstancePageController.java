package io.vantage.web.instance;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.vantage.api.instance.InstanceQueries;
import io.vantage.api.instance.InstanceView;
import io.vantage.api.security.CurrentUser;
import io.vantage.api.security.NotebookOrigins;

/** An instance's own page: its progress while it starts, then the desktop or notebook, members and history. */
@Controller
class InstancePageController {

    private final InstanceQueries queries;
    private final NotebookOrigins notebooks;

    InstancePageController(InstanceQueries queries, NotebookOrigins notebooks) {
        this.queries = queries;
        this.notebooks = notebooks;
    }

    @GetMapping("/instances/{uid}")
    String page(CurrentUser user, @PathVariable String uid, Model model) {
        fill(user, uid, model);
        return "instance/page";
    }

    /** The part of the page that follows the state: progress, viewer, or an explanation. */
    @GetMapping("/fragments/instances/{uid}/status")
    String status(CurrentUser user, @PathVariable String uid, Model model) {
        fill(user, uid, model);
        return "instance/page :: status";
    }

    @GetMapping("/fragments/instances/{uid}/badge")
    String badge(CurrentUser user, @PathVariable String uid, Model model) {
        model.addAttribute("i", queries.one(user, uid));
        return "instance/page :: badge";
    }

    @GetMapping("/fragments/instances/{uid}/history")
    String history(CurrentUser user, @PathVariable String uid, Model model) {
        model.addAttribute("history", queries.history(user, uid));
        return "instance/page :: history";
    }

    private void fill(CurrentUser user, String uid, Model model) {
        InstanceView instance = queries.one(user, uid);
        model.addAttribute("i", instance);
        model.addAttribute("mode", mode(instance));
        model.addAttribute("history", queries.history(user, uid));
        // Where the page sends the notebook's ticket: the entry on the notebook's own origin.
        model.addAttribute("notebookEntry", notebooks.origin(instance.uid()) + "/instances/" + instance.uid() + "/enter");
    }

    /** What the main area shows. */
    static String mode(InstanceView instance) {
        return switch (instance.state()) {
            case "ACTIVE", "PARTIALLY_ACTIVE" -> !instance.actions().connect() ? "watch-denied"
                    : "JUPYTER".equals(instance.environment().defaultProtocol()) ? "notebook"
                    : "GUACD".equals(instance.environment().defaultProtocol()) ? "guacamole" : "desktop";
            case "BUILDING", "STARTING", "REBOOTING" -> "progress";
            case "STOPPED", "STOPPING" -> "stopped";
            case "DELETING", "DELETED" -> "deleting";
            default -> "problem";
        };
    }
}
