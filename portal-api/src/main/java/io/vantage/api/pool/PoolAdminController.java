package io.vantage.api.pool;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

/** Pre-warmed pools, per plan: how many machines to keep ready and when, and what they hold now. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class PoolAdminController {

    private final PoolAdmin pools;

    PoolAdminController(PoolAdmin pools) {
        this.pools = pools;
    }

    /**
     * Every plan not withdrawn (those whose cloud cannot hand a machine over say why they have no pool), and
     * withdrawn plans whose pool is still set or still holds machines.
     */
    @GetMapping("/api/admin/pools")
    List<PoolView> list() {
        return pools.list();
    }

    @GetMapping("/api/admin/plans/{id}/pool")
    PoolView get(@PathVariable("id") Long planId) {
        return pools.get(planId);
    }

    @PutMapping("/api/admin/plans/{id}/pool")
    PoolView set(CurrentUser admin, @PathVariable("id") Long planId, @Valid @RequestBody PoolRequest request) {
        return pools.set(admin, planId, request);
    }

    /** No pool any more: its machines are deleted. */
    @DeleteMapping("/api/admin/plans/{id}/pool")
    ResponseEntity<Void> remove(CurrentUser admin, @PathVariable("id") Long planId) {
        pools.remove(admin, planId);
        return ResponseEntity.noContent().build();
    }
}
