package io.vantage.web.support;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.vantage.api.notification.Notices;
import io.vantage.api.security.CurrentUser;

/** Acknowledging a system notice from a page (it is not shown again to this person). */
@Controller
class NoticesController {

    private final Notices notices;

    NoticesController(Notices notices) {
        this.notices = notices;
    }

    @PostMapping("/notices/{id}/acknowledge")
    ResponseEntity<Void> acknowledge(CurrentUser user, @PathVariable Long id) {
        if (!notices.acknowledgeNow(user.id(), id)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().build();
    }
}
