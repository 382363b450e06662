package io.vantage.api.expiry;

import java.util.Map;

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
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

/** Warning leads per role and per image, and a test e-mail: the admin side of expiry. */
@RestController
@RequestMapping("/api/admin/expiry")
@PreAuthorize("hasRole('ADMIN')")
class WarningLeadController {

    private final WarningLeadAdmin admin;

    WarningLeadController(WarningLeadAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/warnings")
    WarningLeadAdmin.Overview overview() {
        return admin.overview();
    }

    @PutMapping("/warnings/roles/{name}")
    WarningLeadAdmin.RoleLeads setRole(CurrentUser actor, @PathVariable String name,
                                       @Valid @RequestBody WarningLeadAdmin.Leads leads) {
        return admin.setForRole(actor.id(), name, leads);
    }

    @DeleteMapping("/warnings/roles/{name}")
    ResponseEntity<Void> resetRole(CurrentUser actor, @PathVariable String name) {
        admin.resetRole(actor.id(), name);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/warnings/images/{id}")
    WarningLeadAdmin.ImageLeads setImage(CurrentUser actor, @PathVariable Long id,
                                         @Valid @RequestBody WarningLeadAdmin.Leads leads) {
        return admin.setForImage(actor.id(), id, leads);
    }

    @DeleteMapping("/warnings/images/{id}")
    ResponseEntity<Void> resetImage(CurrentUser actor, @PathVariable Long id) {
        admin.resetImage(actor.id(), id);
        return ResponseEntity.noContent().build();
    }

    /** A sample warning to the admin asking, so they see what people get and that mail works. */
    @PostMapping("/test-mail")
    Map<String, String> testMail(CurrentUser actor) {
        return Map.of("sentTo", admin.sendTestMail(actor.id()));
    }
}
