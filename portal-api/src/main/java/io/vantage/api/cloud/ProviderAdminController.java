package io.vantage.api.cloud;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

@RestController
@RequestMapping("/api/admin/providers")
@PreAuthorize("hasRole('ADMIN')")
class ProviderAdminController {

    private final ProviderQueries queries;
    private final ProviderAdmin providers;

    ProviderAdminController(ProviderQueries queries, ProviderAdmin providers) {
        this.queries = queries;
        this.providers = providers;
    }

    /** Every provider with its health (each one asked, so this takes as long as the slowest cloud). */
    @GetMapping
    List<ProviderView> list() {
        return queries.list();
    }

    @GetMapping("/{id}")
    ProviderView get(@PathVariable Long id) {
        return queries.get(id, null);
    }

    @PostMapping
    ResponseEntity<ProviderView> create(CurrentUser admin, @Valid @RequestBody ProviderRequests.NewProvider request) {
        ProviderView created = providers.create(admin, request);
        return ResponseEntity.created(URI.create("/api/admin/providers/" + created.id())).body(created);
    }

    @PutMapping("/{id}/settings")
    ProviderView updateSettings(CurrentUser admin, @PathVariable Long id,
                                @Valid @RequestBody ProviderRequests.SettingsChange change) {
        return providers.updateSettings(admin, id, change);
    }

    @PostMapping("/{id}/enable")
    ProviderView enable(CurrentUser admin, @PathVariable Long id) {
        return providers.enable(admin, id, true);
    }

    @PostMapping("/{id}/disable")
    ProviderView disable(CurrentUser admin, @PathVariable Long id) {
        return providers.enable(admin, id, false);
    }

    /** Asks the cloud now: health, and how many images and flavours it offers. */
    @PostMapping("/{id}/test")
    ProviderQueries.TestResult test(@PathVariable Long id) {
        return queries.test(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(CurrentUser admin, @PathVariable Long id) {
        providers.delete(admin, id);
        return ResponseEntity.noContent().build();
    }
}
