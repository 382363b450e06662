package io.vantage.api.expiry;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

/** An instance's lifetime as the asking person sees it, and "I'm still here". */
@RestController
@RequestMapping("/api/instances/{uid}")
class LifetimeController {

    private final LifetimeViews views;
    private final Lifetimes lifetimes;

    LifetimeController(LifetimeViews views, Lifetimes lifetimes) {
        this.views = views;
        this.lifetimes = lifetimes;
    }

    @GetMapping("/lifetime")
    LifetimeView lifetime(CurrentUser user, @PathVariable String uid) {
        return views.view(user, uid);
    }

    /** Resets the inactivity clock; answers with the new planned deletion. */
    @PostMapping("/still-here")
    LifetimeView stillHere(CurrentUser user, @PathVariable String uid) {
        lifetimes.stillHere(user, uid);
        return views.view(user, uid);
    }
}
