package io.vantage.api.tunnel;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.ConnectionDecision;
import io.vantage.api.security.PortalSessions;
import io.vantage.api.security.CurrentUser;
import io.vantage.api.security.RolesNow;
import io.vantage.api.support.Tokens;
import io.vantage.domain.catalogue.ProtocolKind;
import io.vantage.domain.instance.ConnectionTicket;
import io.vantage.domain.instance.ConnectionTicketRepository;
import io.vantage.domain.instance.IllegalInstanceStateException;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;

/**
 * Single-use, short-lived connection tickets. A page asks for one right before it opens a websocket; the websocket
 * presents it and nothing else. Only a hash is stored (in the database, so any replica accepts it), the ticket is
 * never logged, and redeeming is one atomic update so a ticket works exactly once.
 */
@Service
@EnableConfigurationProperties(TunnelProperties.class)
public class TicketService {

    private final ConnectionTicketRepository tickets;
    private final InstanceRepository instances;
    private final AccessPolicy access;
    private final RolesNow roles;
    private final TunnelProperties properties;
    private final PortalSessions sessions;
    private final Clock clock;

    TicketService(ConnectionTicketRepository tickets, InstanceRepository instances, AccessPolicy access,
                  RolesNow roles, TunnelProperties properties, PortalSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.tickets = tickets;
        this.instances = instances;
        this.access = access;
        this.roles = roles;
        this.properties = properties;
        this.clock = clock;
    }

    public record Issued(String ticket, Instant expiresAt, String protocol) {
        @Override
        public String toString() {
            return "Issued[ticket=****, expiresAt=" + expiresAt + ", protocol=" + protocol + "]";
        }
    }

    /** A ticket asked for with an API token: bound to no browser session. */
    @Transactional
    public Issued issue(CurrentUser user, String uid, String protocol) {
        return issue(user, uid, protocol, null);
    }

    /**
     * {@code portalSessionId}: the browser session asking; the connection opened with the ticket lasts no longer
     * than that session (signing out, or an admin ending it, closes it).
     */
    @Transactional
    public Issued issue(CurrentUser user, String uid, String protocol, String portalSessionId) {
        Instance instance = checked(user, uid, protocol);
        ProtocolKind kind = kind(protocol);
        String ticket = Tokens.secret(32);
        Instant now = clock.instant();
        Instant expires = now.plus(properties.ticketTtl());
        tickets.save(new ConnectionTicket(Tokens.sha256(ticket), user.id(), instance.getId(), kind.name(), now, expires,
                portalSessionId));
        return new Issued(ticket, expires, kind.name());
    }

    /**
     * Whether a ticket would be issued, without issuing one: the same refusals (unknown or hidden instance, no
     * right to connect, protocol not offered, not running). Returns the instance's name.
     */
    @Transactional(readOnly = true)
    public String check(CurrentUser user, String uid, String protocol) {
        return checked(user, uid, protocol).getName();
    }

    private Instance checked(CurrentUser user, String uid, String protocol) {
        Instance instance = instances.findByUid(uid).orElseThrow(() -> new NotFoundException("instance", uid));
        access.requireConnect(user, instance);
        ProtocolKind kind = kind(protocol);
        boolean offered = instance.getPlan().getImage().protocol(kind).isPresent()
                || (kind == ProtocolKind.GUACD && instance.getPlan().getImage().protocol(ProtocolKind.VNC).isPresent());
        if (!offered) {
            throw new FieldException("protocol", "this instance's environment does not offer " + kind);
        }
        if (!access.connection(user, instance).allowed()) { // may connect (checked above), so: not running
            throw new IllegalInstanceStateException("Instance '" + instance.getName() + "' is not running (state "
                    + instance.getState() + "); start it first.", instance.getState());
        }
        return instance;
    }

    /**
     * Uses a ticket up. Empty when it is unknown, used, expired, for another instance or protocol, or when its user
     * lost access meanwhile: {@link AccessPolicy} decides again, with the person's roles as they are now.
     */
    @Transactional
    public Optional<TicketGrant> redeem(String ticket, String expectedUid, String expectedProtocol) {
        if (ticket == null || ticket.isBlank()) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(ticket);
        if (tickets.redeem(hash, clock.instant()) != 1) {
            return Optional.empty();
        }
        ConnectionTicket redeemed = tickets.findById(hash).orElseThrow();
        if (!redeemed.getProtocol().equalsIgnoreCase(expectedProtocol)) {
            return Optional.empty();
        }
        Instance instance = instances.findById(redeemed.getInstanceId()).orElse(null);
        if (instance == null || (expectedUid != null && !instance.getUid().equals(expectedUid))) {
            return Optional.empty();
        }
        String session = redeemed.getPortalSessionId();
        if (session != null && !sessions.exists(session)) {
            return Optional.empty(); // the session that asked for it ended meanwhile
        }
        ConnectionDecision decision = access.connection(roles.of(redeemed.getUserId()), instance);
        if (!decision.allowed()) {
            return Optional.empty();
        }
        return Optional.of(new TicketGrant(redeemed.getUserId(), instance.getId(), instance.getUid(),
                redeemed.getProtocol(), decision.role(), session));
    }

    @Transactional
    public int purgeExpired() {
        return tickets.deleteExpired(clock.instant().minus(properties.ticketTtl()));
    }

    private static ProtocolKind kind(String protocol) {
        ProtocolKind kind;
        try {
            kind = ProtocolKind.valueOf(String.valueOf(protocol).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldException("protocol", "unknown protocol '" + protocol + "'; use VNC, GUACD or JUPYTER");
        }
        if (!kind.isConnectable()) {
            throw new FieldException("protocol", kind + " is not opened with a ticket; use VNC, GUACD or JUPYTER");
        }
        return kind;
    }
}
