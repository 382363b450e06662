package io.vantage.api.expiry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.error.ConflictException;
import io.vantage.api.error.NotFoundException;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.catalogue.Image;
import io.vantage.domain.catalogue.ImageRepository;
import io.vantage.domain.expiry.WarningLead;
import io.vantage.domain.expiry.WarningLeadRepository;
import io.vantage.domain.instance.ExpirationReason;
import io.vantage.domain.user.Role;
import io.vantage.domain.user.RoleRepository;
import io.vantage.domain.user.User;
import io.vantage.domain.user.UserRepository;

/** Admins set warning leads per role and per image ({@link WarningLeads} applies them), and try the e-mail. */
@Service
public class WarningLeadAdmin {

    /** Thirty days: a longer warning is a typo. */
    public static final int MAX_MINUTES = 43_200;

    private final WarningLeadRepository leads;
    private final RoleRepository roles;
    private final ImageRepository images;
    private final UserRepository users;
    private final WarningLeads applied;
    private final ExpiryWarnings warnings;
    private final AuditLog audit;
    private final Clock clock;

    WarningLeadAdmin(WarningLeadRepository leads, RoleRepository roles, ImageRepository images, UserRepository users,
                     WarningLeads applied, ExpiryWarnings warnings, AuditLog audit, Clock clock) {
        this.leads = leads;
        this.roles = roles;
        this.images = images;
        this.users = users;
        this.applied = applied;
        this.warnings = warnings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Minutes; null leaves the lead to the next rule (image, then roles, then the configuration). */
    public record Leads(@Positive(message = "must be at least one minute") @Max(MAX_MINUTES) Integer lifetimeWarningMinutes,
                        @Positive(message = "must be at least one minute") @Max(MAX_MINUTES) Integer inactivityWarningMinutes) {

        static Leads of(WarningLead lead) {
            return lead == null ? new Leads(null, null) : new Leads(minutes(lead, ExpirationReason.LIFETIME),
                    minutes(lead, ExpirationReason.INACTIVITY));
        }

        private static Integer minutes(WarningLead lead, ExpirationReason reason) {
            return lead.lead(reason).map(d -> (int) d.toMinutes()).orElse(null);
        }
    }

    public record RoleLeads(String role, Leads leads) {
    }

    public record ImageLeads(Long imageId, String name, String version, Leads leads) {
    }

    /** @param configured the leads that apply where nothing is set ({@code vantage.lifecycle.*-warning}) */
    public record Overview(Leads configured, List<RoleLeads> roles, List<ImageLeads> images) {
    }

    @Transactional(readOnly = true)
    public Overview overview() {
        List<WarningLead> stored = leads.findAll();
        Map<Long, WarningLead> byRole = stored.stream().filter(l -> l.getRoleId() != null)
                .collect(Collectors.toMap(WarningLead::getRoleId, Function.identity()));
        Map<Long, WarningLead> byImage = stored.stream().filter(l -> l.getImageId() != null)
                .collect(Collectors.toMap(WarningLead::getImageId, Function.identity()));
        return new Overview(new Leads((int) applied.configured(ExpirationReason.LIFETIME).toMinutes(),
                (int) applied.configured(ExpirationReason.INACTIVITY).toMinutes()),
                roles.findAllByOrderByName().stream().map(r -> new RoleLeads(r.getName(), Leads.of(byRole.get(r.getId()))))
                        .toList(),
                images.findAllActive().stream().map(i -> new ImageLeads(i.getId(), i.getName(), i.getVersion(),
                        Leads.of(byImage.get(i.getId())))).toList());
    }

    @Transactional
    public RoleLeads setForRole(String actorId, String name, Leads request) {
        Role role = roles.findByName(name).orElseThrow(() -> new NotFoundException("role", name));
        WarningLead lead = leads.findByRoleId(role.getId()).orElseGet(() -> WarningLead.forRole(role.getId()));
        set(lead, request);
        audit.success(actorId, "admin.expiry.warnings.set", "role", name, describe(request));
        return new RoleLeads(name, Leads.of(lead));
    }

    @Transactional
    public void resetRole(String actorId, String name) {
        Role role = roles.findByName(name).orElseThrow(() -> new NotFoundException("role", name));
        leads.findByRoleId(role.getId()).ifPresent(leads::delete);
        audit.success(actorId, "admin.expiry.warnings.reset", "role", name, null);
    }

    @Transactional
    public ImageLeads setForImage(String actorId, Long imageId, Leads request) {
        Image image = images.findById(imageId).filter(i -> !i.isDeleted())
                .orElseThrow(() -> new NotFoundException("image", imageId));
        WarningLead lead = leads.findByImageId(imageId).orElseGet(() -> WarningLead.forImage(imageId));
        set(lead, request);
        audit.success(actorId, "admin.expiry.warnings.set", "image", String.valueOf(imageId), describe(request));
        return new ImageLeads(imageId, image.getName(), image.getVersion(), Leads.of(lead));
    }

    @Transactional
    public void resetImage(String actorId, Long imageId) {
        images.findById(imageId).orElseThrow(() -> new NotFoundException("image", imageId));
        leads.findByImageId(imageId).ifPresent(leads::delete);
        audit.success(actorId, "admin.expiry.warnings.reset", "image", String.valueOf(imageId), null);
    }

    /** Sends a sample warning to the admin asking; returns the address it went to. */
    @Transactional(readOnly = true)
    public String sendTestMail(String actorId) {
        User admin = users.findById(actorId).orElseThrow(() -> new NotFoundException("user", actorId));
        if (admin.getEmail() == null || admin.getEmail().isBlank()) {
            throw new ConflictException(HttpStatus.CONFLICT, "No e-mail address", "Your account has no e-mail "
                    + "address to send a test to; the user office's import or your login provides it.", Map.of());
        }
        if (!warnings.sample(admin.getEmail(), admin.getFullName(), clock)) {
            throw new ConflictException(HttpStatus.CONFLICT, "Not sent", "The portal could not send e-mail: no mail "
                    + "server is configured (spring.mail.host), or it refused the message (see the portal's log).",
                    Map.of("to", admin.getEmail()));
        }
        return admin.getEmail();
    }

    private void set(WarningLead lead, Leads request) {
        lead.set(duration(request.lifetimeWarningMinutes()), duration(request.inactivityWarningMinutes()), clock.instant());
        if (lead.getId() == null) {
            leads.save(lead);
        }
    }

    private static Duration duration(Integer minutes) {
        return minutes == null ? null : Duration.ofMinutes(minutes);
    }

    private static String describe(Leads request) {
        return "lifetime warning " + request.lifetimeWarningMinutes() + " min, inactivity warning "
                + request.inactivityWarningMinutes() + " min";
    }
}
