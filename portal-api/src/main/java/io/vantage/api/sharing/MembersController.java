package io.vantage.api.sharing;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

/** The members of an instance. */
@RestController
@RequestMapping("/api/instances/{uid}/members")
class MembersController {

    private final Membership membership;

    MembersController(Membership membership) {
        this.membership = membership;
    }

    @GetMapping
    List<MemberView> list(CurrentUser user, @PathVariable String uid) {
        return membership.list(user, uid);
    }

    @PostMapping
    ResponseEntity<MemberView> add(CurrentUser user, @PathVariable String uid,
                                   @Valid @RequestBody SharingRequests.AddMember request) {
        MemberView member = membership.add(user, uid, request.userId(), request.memberRole());
        return ResponseEntity.created(URI.create("/api/instances/" + uid + "/members/" + member.userId()))
                .body(member);
    }

    @PutMapping("/{userId}")
    MemberView changeRole(CurrentUser user, @PathVariable String uid, @PathVariable String userId,
                          @Valid @RequestBody SharingRequests.ChangeRole request) {
        return membership.changeRole(user, uid, userId, request.memberRole());
    }

    @DeleteMapping("/{userId}")
    ResponseEntity<Void> remove(CurrentUser user, @PathVariable String uid, @PathVariable String userId) {
        membership.remove(user, uid, userId);
        return ResponseEntity.noContent().build();
    }
}
