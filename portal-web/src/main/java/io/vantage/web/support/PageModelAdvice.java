package io.vantage.web.support;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.vantage.api.security.CurrentUser;
import io.vantage.api.security.CurrentUsers;
import io.vantage.api.security.IssuerLocation;
import io.vantage.domain.notification.SystemNotification;
import io.vantage.domain.notification.SystemNotificationRepository;
import io.vantage.domain.user.UserRepository;

/** What every page needs: who is signed in, whether this is the demo login, and notices to show. */
@ControllerAdvice(basePackages = "io.vantage.web")
class PageModelAdvice {

    private final UserRepository users;
    private final SystemNotificationRepository notifications;
    private final IssuerLocation issuer;
    private final Clock clock;

    PageModelAdvice(UserRepository users, SystemNotificationRepository notifications,
                    IssuerLocation issuer, Clock clock) {
        this.users = users;
        this.notifications = notifications;
        this.issuer = issuer;
        this.clock = clock;
    }

    @ModelAttribute("viewer")
    @Transactional(readOnly = true)
    Viewer viewer() {
        Optional<CurrentUser> current = CurrentUsers.current();
        return current.map(user -> new Viewer(user.id(), users.findById(user.id()).map(u -> u.getFullName())
                .orElse(user.id()), user.roles(), user.isAdmin())).orElse(null);
    }

    @ModelAttribute("notices")
    List<SystemNotification> notices() {
        return CurrentUsers.current().map(user -> notifications.findUnacknowledged(user.id(), clock.instant()))
                .orElse(List.of());
    }

    @ModelAttribute("demoLogin")
    boolean demoLogin() {
        return issuer.embedded();
    }
}
