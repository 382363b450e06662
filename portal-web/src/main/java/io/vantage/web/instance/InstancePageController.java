package io.vantage.web.instance;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.vantage.api.expiry.LifetimeViews;
import io.vantage.api.instance.InstanceQueries;
import io.vantage.api.instance.InstanceView;
import io.vantage.api.security.CurrentUser;
import io.vantage.api.recipe.Recipes;
import io.vantage.api.security.NotebookOrigins;
import io.vantage.web.recipe.RecipeEntry;

/** An instance's own page: its progress while it starts, then the desktop or notebook, members and history. */
@Controller
class InstancePageController {

    private final InstanceQueries queries;
    private final NotebookOrigins notebooks;
    private final LifetimeViews lifetimes;
    private final Relaunch relaunch;
    private final Recipes recipes;

    InstancePageController(InstanceQueries queries, NotebookOrigins notebooks, LifetimeViews lifetimes,
                           Relaunch relaunch, Recipes recipes) {
        this.recipes = recipes;
        this.queries = queries;
        this.notebooks = notebooks;
        this.lifetimes = lifetimes;
        this.relaunch = relaunch;
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

    /** The warning banner, a decision on an extension, and the lifetime tab, fresh after a live event. */
    @GetMapping("/fragments/instances/{uid}/lifetime")
    String lifetime(CurrentUser user, @PathVariable String uid, Model model) {
        model.addAttribute("i", queries.one(user, uid));
        model.addAttribute("life", lifetimes.view(user, uid));
        return "instance/lifetime :: live";
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
        // Where the page sends the notebook's ticket: the entry on the notebook's own origin (into the recipe's
        // main notebook when it was launched with one).
        var recipe = recipes.ofInstance(instance.uid());
        model.addAttribute("recipe", recipe.orElse(null));
        model.addAttribute("notebookEntry", notebooks.origin(instance.uid()) + "/instances/" + instance.uid() + "/enter"
                + recipe.map(r -> "?next=" + RecipeEntry.next(instance.uid(), r)).orElse(""));
        model.addAttribute("life", lifetimes.view(user, uid));
        if ("deleting".equals(mode(instance))) {
            model.addAttribute("relaunch", relaunch.url(user, instance)
                    + recipe.map(r -> "&recipe=" + r.getSlug()).orElse("")); // a slug needs no encoding
        }
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
