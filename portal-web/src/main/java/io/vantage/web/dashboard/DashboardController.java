package io.vantage.web.dashboard;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.vantage.api.catalogue.CatalogueService;
import io.vantage.api.catalogue.ExperimentView;
import io.vantage.api.expiry.LifetimeViews;
import io.vantage.api.instance.InstanceQueries;
import io.vantage.api.instance.InstanceView;
import io.vantage.api.security.CurrentUser;

/** The scientist's home: their instances (and those shared with them) and their experiments. */
@Controller
class DashboardController {

    private final InstanceQueries instances;
    private final CatalogueService catalogue;
    private final LifetimeViews lifetimes;

    DashboardController(InstanceQueries instances, CatalogueService catalogue, LifetimeViews lifetimes) {
        this.instances = instances;
        this.catalogue = catalogue;
        this.lifetimes = lifetimes;
    }

    @GetMapping("/")
    String dashboard(CurrentUser user, Model model) {
        List<InstanceView> mine = instances.mine(user);
        model.addAttribute("instances", mine);
        // each card shows its instance's deletion warning, with its countdown and button
        model.addAttribute("lives", lifetimes.views(user, mine.stream().map(InstanceView::uid).toList()));
        model.addAttribute("experimentGroups", groups(catalogue.experiments(user, null, null, null, 0, 50).getContent()));
        return "dashboard";
    }

    @GetMapping("/fragments/experiments")
    String experiments(CurrentUser user, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("experimentGroups", groups(catalogue.experiments(user, q, null, null, 0, 50).getContent()));
        return "fragments/experiments :: list";
    }

    /** Year (newest first) → instrument → experiments. */
    static Map<Integer, Map<String, List<ExperimentView>>> groups(List<ExperimentView> experiments) {
        Map<Integer, Map<String, List<ExperimentView>>> groups = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (ExperimentView e : experiments) {
            groups.computeIfAbsent(e.startDate().atZone(ZoneOffset.UTC).getYear(), y -> new LinkedHashMap<>())
                    .computeIfAbsent(e.instrumentName(), i -> new java.util.ArrayList<>()).add(e);
        }
        return groups;
    }
}
