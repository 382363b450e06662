package io.vantage.api.sharing;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

/** The owner makes invitation links; anyone signed in accepts one. */
@RestController
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    /** The answer is the only time the link is shown. */
    @PostMapping("/api/instances/{uid}/invitations")
    ResponseEntity<Invitations.Created> create(CurrentUser user, @PathVariable String uid,
                                               @Valid @RequestBody SharingRequests.NewInvitation request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(invitations.create(user, uid, request.memberRole(), request.hours()));
    }

    @PostMapping("/api/invitations/{token}/accept")
    Invitations.Accepted accept(CurrentUser user, @PathVariable String token) {
        return invitations.accept(user, token);
    }
}
