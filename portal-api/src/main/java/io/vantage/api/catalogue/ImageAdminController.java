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
@RequestMapping("/api/admin/images")
@PreAuthorize("hasRole('ADMIN')")
class ImageAdminController {

    private final ImageAdmin images;

    ImageAdminController(ImageAdmin images) {
        this.images = images;
    }

    /** Hidden images are listed; deleted ones only when asked for. */
    @GetMapping
    List<ImageView> list(@RequestParam(defaultValue = "false") boolean includeDeleted) {
        return images.list(includeDeleted);
    }

    @GetMapping("/{id}")
    ImageView get(@PathVariable Long id) {
        return images.get(id);
    }

    @PostMapping
    ResponseEntity<ImageView> create(CurrentUser admin, @Valid @RequestBody ImageRequests.NewImage request) {
        ImageView created = images.create(admin, request);
        return ResponseEntity.created(URI.create("/api/admin/images/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    ImageView update(CurrentUser admin, @PathVariable Long id, @Valid @RequestBody ImageRequests.ImageChanges changes) {
        return images.update(admin, id, changes);
    }

    @DeleteMapping("/{id}")
    Withdrawal delete(CurrentUser admin, @PathVariable Long id) {
        return images.delete(admin, id);
    }
}
