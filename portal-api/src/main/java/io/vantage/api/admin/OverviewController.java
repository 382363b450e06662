package io.vantage.api.admin;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.cloud.ProviderStatuses;
import io.vantage.api.cloud.ProviderStatus;

/**
 * The admin dashboard in one call, from the database only. Counts are of live instances (not deleted); machines of
 * pre-warmed pools apart.
 */
@RestController
@RequestMapping("/api/admin/overview")
@PreAuthorize("hasRole('ADMIN')")
class OverviewController {

    private final OverviewQueries queries;
    private final ProviderStatuses providers;

    OverviewController(OverviewQueries queries, ProviderStatuses providers) {
        this.queries = queries;
        this.providers = providers;
    }

    record Overview(Map<String, Long> instancesByState, Map<String, Long> instancesByProvider,
                    Map<String, Long> instancesByImage, Map<String, Long> instancesByFlavour,
                    Map<String, Long> poolMachines, long activeSessions,
                    List<OverviewQueries.Launch> recentLaunches, List<OverviewQueries.Failure> recentFailures,
                    List<OverviewQueries.Sweep> recentSweeps, List<ProviderStatus> providers) {
    }

    @GetMapping
    Overview overview() {
        return new Overview(queries.byState(), queries.byProvider(), queries.byImage(), queries.byFlavour(),
                queries.poolMachines(), queries.activeSessions(), queries.recentLaunches(), queries.recentFailures(), queries.recentSweeps(), providers.all());
    }
}
