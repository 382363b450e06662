package io.vantage.api.events;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.vantage.api.security.CurrentUser;
import io.vantage.api.security.CurrentUsers;

/** Server-Sent Events: state changes and warnings about the instances the person may see. */
@RestController
class EventsController {

    private final LiveEvents live;

    EventsController(LiveEvents live) {
        this.live = live;
    }

    @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(CurrentUser user, HttpServletRequest request) {
        HttpSession session = CurrentUsers.bySession() ? request.getSession(false) : null;
        return live.subscribe(user, CurrentUsers.loginRoles(), session == null ? null : session.getId());
    }
}
