package io.vantage.api.expiry;

import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm z",
            java.util.Locale.ENGLISH);

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

    String headline(Warning warning) {
        String when = DATE.format(warning.at().atZone(mailer.timeZone()));
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
        variables.put("deletionAt", DATE.format(warning.at().atZone(mailer.timeZone())));
        variables.put("idleSince", DATE.format(warning.idleSince().atZone(mailer.timeZone())));
        return variables;
    }
}
