package io.vantage.web.admin;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.vantage.api.admin.OverviewQueries;
import io.vantage.api.cloud.ProviderStatuses;
import io.vantage.api.expiry.ExtensionRequestAdmin;

/**
 * The admin home: what runs where, what happened lately, which clouds answered when last asked (and how long ago),
 * and what waits for a decision. Reads the database only: a slow cloud never slows this page.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OverviewPageController {

    private final OverviewQueries queries;
    private final ProviderStatuses providers;
    private final ExtensionRequestAdmin extensions;

    OverviewPageController(OverviewQueries queries, ProviderStatuses providers, ExtensionRequestAdmin extensions) {
        this.queries = queries;
        this.providers = providers;
        this.extensions = extensions;
    }

    @GetMapping("/admin")
    String overview(Model model) {
        model.addAttribute("byState", queries.byState());
        model.addAttribute("byProvider", queries.byProvider());
        model.addAttribute("byImage", queries.byImage());
        model.addAttribute("byFlavour", queries.byFlavour());
        model.addAttribute("activeSessions", queries.activeSessions());
        model.addAttribute("launches", queries.recentLaunches());
        model.addAttribute("failures", queries.recentFailures());
        model.addAttribute("sweeps", queries.recentSweeps());
        model.addAttribute("providers", providers.all());
        model.addAttribute("pendingExtensions", extensions.list(null).size());
        return "admin/overview";
    }
}
