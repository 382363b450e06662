package io.vantage.api.user;

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

import io.vantage.api.admin.PageView;
import io.vantage.api.security.CurrentUser;

@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

    private final UserAdmin users;

    UserAdminController(UserAdmin users) {
        this.users = users;
    }

    /** By last or first name, full name or e-mail (prefix), or exact id. */
    @GetMapping
    PageView<UserViews.Summary> search(@RequestParam(required = false) String q,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "50") int size) {
        return users.search(q, page, size);
    }

    @GetMapping("/{id}")
    UserViews.Detail get(@PathVariable String id) {
        return users.get(id);
    }

    @PostMapping("/{id}/roles")
    ResponseEntity<UserViews.Detail> grant(CurrentUser admin, @PathVariable String id,
                                           @Valid @RequestBody UserAdmin.GrantRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(users.grant(admin, id, request));
    }

    @DeleteMapping("/{id}/roles/{role}")
    UserViews.Detail revoke(CurrentUser admin, @PathVariable String id, @PathVariable String role) {
        return users.revoke(admin, id, role);
    }

    /** Signs the person out everywhere: every browser session on every replica ends. */
    @DeleteMapping("/{id}/sessions")
    UserAdmin.SessionsEnded endSessions(CurrentUser admin, @PathVariable String id) {
        return users.endSessions(admin, id);
    }

    @PutMapping("/{id}/quota")
    UserViews.Detail setQuota(CurrentUser admin, @PathVariable String id,
                              @Valid @RequestBody UserAdmin.QuotaRequest request) {
        return users.setQuota(admin, id, request);
    }
}
