package io.vantage.api.tunnel;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

/** Who is connected to an instance now (members see it), and admins ending a connection. */
@RestController
class SessionsController {

    private final ConnectedMembers connected;

    SessionsController(ConnectedMembers connected) {
        this.connected = connected;
    }

    @GetMapping("/api/instances/{uid}/sessions")
    List<ConnectedMember> connected(CurrentUser user, @PathVariable String uid) {
        return connected.of(user, uid);
    }

    @GetMapping("/api/admin/sessions")
    List<ConnectedMember> all() {
        return connected.all();
    }

    /** Ends a connection wherever it is open (any replica). */
    @DeleteMapping("/api/admin/sessions/{id}")
    ResponseEntity<Void> end(@PathVariable Long id) {
        connected.end(id);
        return ResponseEntity.accepted().build();
    }
}
