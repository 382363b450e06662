package io.vantage.api.user;

import java.net.URI;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

/** Admin-made groups; they are listed with the built-in roles under {@code /api/admin/roles}. */
@RestController
@RequestMapping("/api/admin/groups")
@PreAuthorize("hasRole('ADMIN')")
class GroupController {

    private final GroupAdmin groups;

    GroupController(GroupAdmin groups) {
        this.groups = groups;
    }

    @PostMapping
    ResponseEntity<RoleView> create(CurrentUser admin, @Valid @RequestBody GroupAdmin.NewGroup request) {
        RoleView created = groups.create(admin, request);
        return ResponseEntity.created(URI.create("/api/admin/roles/" + created.name())).body(created);
    }

    @DeleteMapping("/{name}")
    GroupAdmin.Removal delete(CurrentUser admin, @PathVariable String name) {
        return groups.delete(admin, name);
    }
}
