package io.vantage.api.expiry;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.vantage.api.events.EventBus;
import io.vantage.api.events.LiveEvent;
import io.vantage.api.mail.Mailer;
import io.vantage.api.support.PortalLinks;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.instance.ExpirationReason;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceMember;

/** Tells people an instance will be deleted: live in their browsers, and by e-mail to those who can act. */
@Component
class ExpiryWarnings {

    private final EventBus bus;
    private final Mailer mailer;
    private final PortalLinks links;
    private final AuditLog audit;

    ExpiryWarnings(EventBus bus, Mailer mailer, PortalLinks links, AuditLog audit) {
        this.bus = bus;
        this.mailer = mailer;
        this.links = links;
        this.audit = audit;
    }

    /** Inside the transaction that records the warning: the event reaches browsers only if that commits. */
    void publishLive(Instance instance, Warning warning) {
        Set<String> viewers = new HashSet<>();
        instance.getMembers().stream().map(InstanceMember::getUserId).forEach(viewers::add);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uid", warning.uid());
        data.put("reason", warning.reason().name());
        data.put("at", warning.at().toString());
        data.put("message", headline(warning));
        bus.publish(new LiveEvent("warning", warning.uid(), viewers, data));
    }

    /** After the commit. A lost e-mail is logged, never retried: the database already says it was sent. */
    void mail(Warning warning) {
        int sent = 0;
        int addressed = 0;
        for (Warning.Recipient recipient : warning.mailTo()) {
            if (recipient.email() == null || recipient.email().isBlank()) {
                continue;
            }
            addressed++;
            if (mailer.send(new Mailer.Mail(recipient.email(), headline(warning), template(warning.reason()),
                    variables(warning, recipient)))) {
                sent++;
            }
        }
        audit.success(null, "instance.expiry.warning", "instance", warning.uid(),
                warning.reason() + " deletion at " + warning.at() + "; e-mailed " + sent + " of " + addressed);
    }

    /**
     * A sample lifetime warning about an instance that does not exist, to the admin asking, so they see what
     * people get (and that mail works); false when no mail server is configured or it refused the mail.
     */
    boolean sample(String email, String name, Clock clock) {
        Warning warning = new Warning("sample", "Sample analysis desktop", ExpirationReason.LIFETIME,
                clock.instant().plus(Duration.ofHours(48)), clock.instant(), List.of());
        Map<String, Object> variables = variables(warning, new Warning.Recipient(null, name, email));
        variables.put("instanceUrl", links.absolute("/"));
        return mailer.send(new Mailer.Mail(email, "[Test] " + headline(warning), template(warning.reason()), variables));
    }

    String headline(Warning warning) {
        String when = MailDates.format(warning.at(), mailer.timeZone());
        return warning.reason() == ExpirationReason.LIFETIME
                ? "Your instance \u201c" + warning.instanceName() + "\u201d will be deleted on " + when
                : "Your instance \u201c" + warning.instanceName() + "\u201d is unused and will be deleted on " + when;
    }

    private static String template(ExpirationReason reason) {
        return reason == ExpirationReason.LIFETIME ? "expiry-lifetime" : "expiry-inactivity";
    }

    private Map<String, Object> variables(Warning warning, Warning.Recipient recipient) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("name", recipient.name());
        variables.put("instanceName", warning.instanceName());
        variables.put("instanceUrl", links.instance(warning.uid()));
        variables.put("deletionAt", MailDates.format(warning.at(), mailer.timeZone()));
        variables.put("idleSince", MailDates.format(warning.idleSince(), mailer.timeZone()));
        return variables;
    }
}
