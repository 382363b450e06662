package io.vantage.api.user;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

/** Roles with the quota and lifetimes their holders get; {@code DELETE .../policy} goes back to the configured one. */
@RestController
@RequestMapping("/api/admin/roles")
@PreAuthorize("hasRole('ADMIN')")
class RolePolicyController {

    private final RolePolicyAdmin policies;

    RolePolicyController(RolePolicyAdmin policies) {
        this.policies = policies;
    }

    @GetMapping
    List<RoleView> list() {
        return policies.list();
    }

    @GetMapping("/{name}")
    RoleView get(@PathVariable String name) {
        return policies.get(name);
    }

    @PutMapping("/{name}/policy")
    RoleView set(CurrentUser admin, @PathVariable String name,
                 @Valid @RequestBody RolePolicyAdmin.PolicyRequest request) {
        return policies.set(admin, name, request);
    }

    @DeleteMapping("/{name}/policy")
    RoleView reset(CurrentUser admin, @PathVariable String name) {
        return policies.reset(admin, name);
    }
}
