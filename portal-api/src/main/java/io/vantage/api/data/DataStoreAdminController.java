package io.vantage.api.data;

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

import io.vantage.api.security.CurrentUser;

@RestController
@RequestMapping("/api/admin/data-stores")
@PreAuthorize("hasRole('ADMIN')")
class DataStoreAdminController {

    private final DataStoreAdmin stores;

    DataStoreAdminController(DataStoreAdmin stores) {
        this.stores = stores;
    }

    @GetMapping
    List<DataStoreView> list() {
        return stores.list();
    }

    @GetMapping("/{id}")
    DataStoreView get(@PathVariable Long id) {
        return stores.get(id);
    }

    @PostMapping
    ResponseEntity<DataStoreView> create(CurrentUser admin, @Valid @RequestBody DataStoreRequest request) {
        DataStoreView created = stores.create(admin, request);
        return ResponseEntity.created(URI.create("/api/admin/data-stores/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    DataStoreView update(CurrentUser admin, @PathVariable Long id, @Valid @RequestBody DataStoreRequest request) {
        return stores.update(admin, id, request);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(CurrentUser admin, @PathVariable Long id) {
        stores.delete(admin, id);
        return ResponseEntity.noContent().build();
    }

    /** Where an experiment's data would be, and what a machine on the cloud would be asked to mount. */
    @GetMapping("/preview")
    DataStoreAdmin.Preview preview(@RequestParam String experimentId, @RequestParam(required = false) Long providerId) {
        return stores.preview(experimentId, providerId);
    }
}
