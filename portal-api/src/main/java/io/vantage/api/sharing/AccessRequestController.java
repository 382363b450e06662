package io.vantage.api.sharing;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

/** Support staff ask for access; the owner sees what waits and answers. */
@RestController
@RequestMapping("/api/instances/{uid}/access-requests")
class AccessRequestController {

    private final SupportAccess support;

    AccessRequestController(SupportAccess support) {
        this.support = support;
    }

    @PostMapping
    ResponseEntity<SupportAccess.RequestView> ask(CurrentUser user, @PathVariable String uid,
                                                  @Valid @RequestBody SharingRequests.NewAccessRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(support.ask(user, uid, request.reason()));
    }

    @GetMapping
    List<SupportAccess.RequestView> pending(CurrentUser user, @PathVariable String uid) {
        return support.pending(user, uid);
    }

    @PostMapping("/{id}/grant")
    SupportAccess.RequestView grant(CurrentUser user, @PathVariable String uid, @PathVariable Long id) {
        return support.grant(user, uid, id);
    }

    @PostMapping("/{id}/refuse")
    SupportAccess.RequestView refuse(CurrentUser user, @PathVariable String uid, @PathVariable Long id) {
        return support.refuse(user, uid, id);
    }
}
