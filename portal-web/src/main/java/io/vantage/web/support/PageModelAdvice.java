package io.vantage.web.support;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.vantage.api.notification.Notices;
import io.vantage.api.security.CurrentUser;
import io.vantage.api.security.CurrentUsers;
import io.vantage.api.security.IssuerLocation;
import io.vantage.api.user.Profiles;
import io.vantage.domain.notification.SystemNotification;

/** What every page needs: who is signed in, whether this is the demo login, and notices to show. */
@ControllerAdvice(basePackages = "io.vantage.web")
class PageModelAdvice {

    private final Profiles profiles;
    private final Notices notices;
    private final IssuerLocation issuer;

    PageModelAdvice(Profiles profiles, Notices notices, IssuerLocation issuer) {
        this.profiles = profiles;
        this.notices = notices;
        this.issuer = issuer;
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        Optional<CurrentUser> current = CurrentUsers.current();
        return current.map(user -> new Viewer(user.id(), profiles.fullName(user.id()).orElse(user.id()),
                user.roles(), user.isAdmin())).orElse(null);
    }

    @ModelAttribute("notices")
    List<SystemNotification> notices() {
        return CurrentUsers.current().map(user -> notices.unacknowledged(user.id(), Function.identity()))
                .orElse(List.of());
    }

    @ModelAttribute("demoLogin")
    boolean demoLogin() {
        return issuer.embedded();
    }
}
