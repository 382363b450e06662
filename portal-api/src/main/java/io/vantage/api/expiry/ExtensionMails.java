package io.vantage.api.expiry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.vantage.api.mail.Mailer;
import io.vantage.api.support.PortalLinks;
import io.vantage.domain.instance.ExtensionRequest;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.RequestState;
import io.vantage.domain.user.User;
import io.vantage.domain.user.UserRepository;

/** Tells the person who asked for more time what an admin decided, by e-mail, once the decision is committed. */
@Component
class ExtensionMails {

    private final ApplicationEventPublisher publisher;
    private final UserRepository users;
    private final Mailer mailer;
    private final PortalLinks links;

    ExtensionMails(ApplicationEventPublisher publisher, UserRepository users, Mailer mailer, PortalLinks links) {
        this.publisher = publisher;
        this.users = users;
        this.mailer = mailer;
        this.links = links;
    }

    /** Everything the e-mail needs, read inside the deciding transaction. */
    record Decided(String to, String name, String uid, String instanceName, boolean approved, Instant requestedUntil,
                   Instant terminationDate, String handler, String comment) {
    }

    /** Call inside the transaction that decides: nothing is sent if it rolls back. */
    void decided(Instance instance, ExtensionRequest request) {
        User requester = users.findById(request.getRequesterId()).orElse(null);
        if (requester == null || requester.getEmail() == null || requester.getEmail().isBlank()) {
            return;
        }
        String handler = request.getHandledBy() == null ? "an administrator"
                : users.findById(request.getHandledBy()).map(User::getFullName).orElse(request.getHandledBy());
        publisher.publishEvent(new Decided(requester.getEmail(), requester.getFullName(), instance.getUid(),
                instance.getName(), request.getState() == RequestState.ACCEPTED, request.getRequestedUntil(),
                instance.getTerminationDate(), handler, request.getHandlerComments()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void send(Decided decided) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("name", decided.name());
        variables.put("instanceName", decided.instanceName());
        variables.put("instanceUrl", links.instance(decided.uid()));
        variables.put("approved", decided.approved());
        variables.put("requestedUntil", MailDates.format(decided.requestedUntil(), mailer.timeZone()));
        variables.put("terminationDate", MailDates.format(decided.terminationDate(), mailer.timeZone()));
        variables.put("handler", decided.handler());
        variables.put("comment", decided.comment());
        mailer.send(new Mailer.Mail(decided.to(), subject(decided), "extension-decided", variables));
    }

    static String subject(Decided decided) {
        return "Your request to extend \u201c" + decided.instanceName() + "\u201d was "
                + (decided.approved() ? "approved" : "refused");
    }
}
