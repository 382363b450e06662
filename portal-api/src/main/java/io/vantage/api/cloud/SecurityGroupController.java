package io.vantage.api.cloud;

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
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasRole('ADMIN')")
class SecurityGroupController {

    private final SecurityGroupAdmin groups;

    SecurityGroupController(SecurityGroupAdmin groups) {
        this.groups = groups;
    }

    @GetMapping("/providers/{providerId}/security-groups")
    List<SecurityGroupView> list(@PathVariable Long providerId) {
        return groups.list(providerId);
    }

    @PostMapping("/providers/{providerId}/security-groups")
    ResponseEntity<SecurityGroupView> create(CurrentUser admin, @PathVariable Long providerId,
                                             @Valid @RequestBody SecurityGroupAdmin.NewSecurityGroup request) {
        SecurityGroupView created = groups.create(admin, providerId, request);
        return ResponseEntity.created(URI.create("/api/admin/security-groups/" + created.id())).body(created);
    }

    @PutMapping("/security-groups/{id}/default")
    SecurityGroupView setDefault(CurrentUser admin, @PathVariable Long id,
                                 @Valid @RequestBody SecurityGroupAdmin.DefaultChange change) {
        return groups.setDefault(admin, id, change.defaultForAll());
    }

    @PostMapping("/security-groups/{id}/rules")
    ResponseEntity<SecurityGroupView> addRule(CurrentUser admin, @PathVariable Long id,
                                              @Valid @RequestBody SecurityGroupAdmin.NewRule rule) {
        return ResponseEntity.status(HttpStatus.CREATED).body(groups.addRule(admin, id, rule));
    }

    @DeleteMapping("/security-groups/{id}/rules/{ruleId}")
    SecurityGroupView removeRule(CurrentUser admin, @PathVariable Long id, @PathVariable Long ruleId) {
        return groups.removeRule(admin, id, ruleId);
    }

    @DeleteMapping("/security-groups/{id}")
    ResponseEntity<Void> delete(CurrentUser admin, @PathVariable Long id) {
        groups.delete(admin, id);
        return ResponseEntity.noContent().build();
    }
}
