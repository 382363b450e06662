package io.vantage.api.catalogue;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/admin/flavours")
@PreAuthorize("hasRole('ADMIN')")
class FlavourAdminController {

    private final FlavourAdmin flavours;

    FlavourAdminController(FlavourAdmin flavours) {
        this.flavours = flavours;
    }

    @GetMapping
    List<FlavourView> list(@RequestParam(defaultValue = "false") boolean includeDeleted) {
        return flavours.list(includeDeleted);
    }

    @GetMapping("/{id}")
    FlavourView get(@PathVariable Long id) {
        return flavours.get(id);
    }

    @PostMapping
    ResponseEntity<FlavourView> create(CurrentUser admin, @Valid @RequestBody FlavourRequests.NewFlavour request) {
        FlavourView created = flavours.create(admin, request);
        return ResponseEntity.created(URI.create("/api/admin/flavours/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    FlavourView update(CurrentUser admin, @PathVariable Long id,
                       @Valid @RequestBody FlavourRequests.FlavourChanges changes) {
        return flavours.update(admin, id, changes);
    }

    @DeleteMapping("/{id}")
    Withdrawal delete(CurrentUser admin, @PathVariable Long id) {
        return flavours.delete(admin, id);
    }

    @PostMapping("/{id}/limits")
    ResponseEntity<FlavourView> addLimit(CurrentUser admin, @PathVariable Long id,
                                         @Valid @RequestBody FlavourRequests.NewLimit request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(flavours.addLimit(admin, id, request));
    }

    @DeleteMapping("/{id}/limits/{limitId}")
    FlavourView removeLimit(CurrentUser admin, @PathVariable Long id, @PathVariable Long limitId) {
        return flavours.removeLimit(admin, id, limitId);
    }
}
