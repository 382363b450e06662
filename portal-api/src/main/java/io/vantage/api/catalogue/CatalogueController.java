package io.vantage.api.catalogue;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

/** What a person can launch: their experiments, the plans open to them, their quota and usage. */
@RestController
class CatalogueController {

    private final CatalogueService catalogue;

    CatalogueController(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/experiments")
    Page<ExperimentView> experiments(CurrentUser user, @RequestParam(required = false) String q,
                                     @RequestParam(required = false) Integer year,
                                     @RequestParam(required = false) String instrument,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        return catalogue.experiments(user, q, year, instrument, page, size);
    }

    @GetMapping("/api/plans")
    List<PlanOption> plans(CurrentUser user, @RequestParam(name = "experiment", required = false) List<String> experiments) {
        return catalogue.plans(user, experiments == null ? List.of() : experiments);
    }

    @GetMapping("/api/me/quota")
    QuotaView quota(CurrentUser user) {
        return catalogue.quota(user);
    }
}
