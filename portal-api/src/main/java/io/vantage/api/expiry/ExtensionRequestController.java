package io.vantage.api.expiry;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

@RestController
@RequestMapping("/api/admin/extension-requests")
@PreAuthorize("hasRole('ADMIN')")
class ExtensionRequestController {

    private final ExtensionRequestAdmin requests;

    ExtensionRequestController(ExtensionRequestAdmin requests) {
        this.requests = requests;
    }

    /** Pending requests, oldest first; {@code state=ACCEPTED} or {@code REFUSED} for decided ones. */
    @GetMapping
    List<ExtensionRequestAdmin.ExtensionView> list(@RequestParam(required = false) String state) {
        return requests.list(state);
    }

    @PostMapping("/{id}/approve")
    ExtensionRequestAdmin.ExtensionView approve(CurrentUser admin, @PathVariable Long id,
                                                @Valid @RequestBody(required = false)
                                                ExtensionRequestAdmin.Approval approval) {
        return requests.approve(admin, id, approval == null ? null : approval.comment());
    }

    @PostMapping("/{id}/refuse")
    ExtensionRequestAdmin.ExtensionView refuse(CurrentUser admin, @PathVariable Long id,
                                               @Valid @RequestBody ExtensionRequestAdmin.Refusal refusal) {
        return requests.refuse(admin, id, refusal.comment());
    }
}
