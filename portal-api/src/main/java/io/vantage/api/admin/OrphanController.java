package io.vantage.api.admin;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.reconcile.OrphanCleanup;
import io.vantage.api.security.CurrentUser;

/** Runs the nightly orphan cleanup now: machines of this deployment that no live instance refers to. */
@RestController
@RequestMapping("/api/admin/orphans")
@PreAuthorize("hasRole('ADMIN')")
class OrphanController {

    private final OrphanCleanup cleanup;
    private final AdminAudit audit;

    OrphanController(OrphanCleanup cleanup, AdminAudit audit) {
        this.cleanup = cleanup;
        this.audit = audit;
    }

    /** @param deleted compute ids of the machines deleted (each also has its own audit event) */
    record Cleaned(List<String> deleted) {
    }

    @PostMapping("/cleanup")
    Cleaned cleanUp(CurrentUser admin) {
        List<String> deleted = cleanup.cleanUp();
        audit.success(admin, "admin.orphans.cleanup", "deployment", "orphans", deleted.size() + " machine(s) deleted");
        return new Cleaned(deleted);
    }
}
