package io.vantage.api.catalogue;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.admin.Withdrawal;
import io.vantage.api.security.CurrentUser;

@RestController
@RequestMapping("/api/admin/plans")
@PreAuthorize("hasRole('ADMIN')")
class PlanAdminController {

    private final PlanAdmin plans;

    PlanAdminController(PlanAdmin plans) {
        this.plans = plans;
    }

    @GetMapping
    List<PlanView> list(@RequestParam(defaultValue = "false") boolean includeDeleted) {
        return plans.list(includeDeleted);
    }

    @PostMapping
    ResponseEntity<PlanView> create(CurrentUser admin, @Valid @RequestBody PlanAdmin.NewPlan request) {
        PlanView created = plans.create(admin, request);
        return ResponseEntity.created(URI.create("/api/admin/plans/" + created.id())).body(created);
    }

    @PutMapping("/{id}/preset")
    PlanView preset(CurrentUser admin, @PathVariable Long id, @Valid @RequestBody PlanAdmin.PresetChange change) {
        return plans.preset(admin, id, change.preset());
    }

    @DeleteMapping("/{id}")
    Withdrawal delete(CurrentUser admin, @PathVariable Long id) {
        return plans.delete(admin, id);
    }
}
