package io.vantage.api.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * The browser sessions of the portal, stored in PostgreSQL: any replica can end any of them. Ending a person's
 * sessions sends their next request to the login, and tells every replica (an {@link AccessChange}) so open
 * connections and event streams of those sessions close too.
 */
@Service
public class PortalSessions {

    private static final Logger log = LoggerFactory.getLogger(PortalSessions.class);

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;
    private final OidcSessionRepository oidcSessions;
    private final AccessChanges accessChanges;

    /** The session repository exists in a web application only; without one there are no browser sessions. */
    PortalSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository,
                   OidcSessionRepository oidcSessions, AccessChanges accessChanges) {
        this.repository = repository;
        this.oidcSessions = oidcSessions;
        this.accessChanges = accessChanges;
    }

    /** Whether this session still exists (not ended, not timed out). */
    public boolean exists(String sessionId) {
        FindByIndexNameSessionRepository<? extends Session> sessions = repository.getIfAvailable();
        return sessionId != null && sessions != null && sessions.findById(sessionId) != null;
    }

    /** Ends every browser session of the person; returns how many there were. */
    @Transactional
    public int endAll(String userId, String reason) {
        FindByIndexNameSessionRepository<? extends Session> sessions = repository.getIfAvailable();
        Set<String> ids = sessions == null ? Set.of() : sessions.findByPrincipalName(userId).keySet();
        for (String id : ids) {
            sessions.deleteById(id);
        }
        oidcSessions.forget(ids);
        accessChanges.publish(AccessChange.person(userId, reason));
        log.info("Ended {} session(s) of user {}: {}", ids.size(), userId, reason);
        return ids.size();
    }

    /** A back-channel logout from the identity provider: ends the portal sessions of that provider session. */
    @Transactional
    public int endProviderSession(String issuer, String subject, String sid) {
        List<OidcSessionRepository.Row> rows = oidcSessions.takeByLogout(issuer, subject, sid);
        Set<String> people = new LinkedHashSet<>();
        List<String> ended = new ArrayList<>();
        for (OidcSessionRepository.Row row : rows) {
            repository.getObject().deleteById(row.sessionId());
            ended.add(row.sessionId());
            people.add(row.userId());
        }
        people.forEach(userId -> accessChanges.publish(AccessChange.person(userId,
                "You signed out at the identity provider.")));
        log.info("Back-channel logout from {} ended {} session(s) of {}", issuer, ended.size(), people);
        return ended.size();
    }

    /**
     * A person signed out in this portal: their session is already gone (the event follows the invalidation), so
     * every replica closes the desktops and notebooks it had open, and its notebook cookies stop working.
     */
    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof PortalPrincipal who) {
            accessChanges.publish(AccessChange.person(who.userId(), "You signed out."));
        }
    }

    void registerLogin(String sessionId, String issuer, String subject, String sid, String userId) {
        oidcSessions.register(sessionId, issuer, subject, sid, userId);
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void purgeEnded() {
        int purged = oidcSessions.purgeEnded();
        if (purged > 0) {
            log.debug("Forgot {} ended OIDC session(s)", purged);
        }
    }
}
