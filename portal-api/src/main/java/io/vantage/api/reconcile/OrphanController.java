package io.vantage.api.reconcile;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.admin.AdminAudit;
import io.vantage.api.security.CurrentUser;

/**
 * Runs the orphan sweep now (it also runs every few minutes): deletes this deployment's machines whose instance is
 * deleted or failed, and holds those newer than the newest instance record (the database may have been restored).
 */
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

    /**
     * @param deleted compute ids of the machines deleted (each also has its own audit event)
     * @param held    compute ids of machines not deleted, each with an {@code orphan.held} audit event saying why
     */
    record Cleaned(List<String> deleted, List<String> held) {
    }

    @PostMapping("/cleanup")
    Cleaned cleanUp(CurrentUser admin) {
        OrphanCleanup.Result result = cleanup.cleanUp();
        audit.success(admin, "admin.orphans.cleanup", "deployment", "orphans", result.deleted().size()
                + " machine(s) deleted, " + result.held().size() + " held");
        return new Cleaned(result.deleted(), result.held());
    }
}
