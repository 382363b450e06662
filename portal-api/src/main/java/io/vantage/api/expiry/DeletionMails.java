package io.vantage.api.expiry;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.mail.Mailer;
import io.vantage.api.support.PortalLinks;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceDeletion;
import io.vantage.domain.instance.InstanceDeletionRepository;
import io.vantage.domain.instance.InstanceMember;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.MemberRole;
import io.vantage.domain.user.User;

/**
 * Tells the owner and full members of a deleted instance what was deleted and why, once: whichever replica claims
 * the deletion first ({@code mailed_at}, in a transaction of its own) sends, after that commits; nobody after it.
 * Like the warnings, at most once: a crash between the claim and the sending loses that e-mail. The person who
 * deleted it is not told what they just did.
 */
@Component
public class DeletionMails {

    private final InstanceDeletionRepository deletions;
    private final InstanceRepository instances;
    private final LifetimeViews views;
    private final Mailer mailer;
    private final PortalLinks links;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    DeletionMails(InstanceDeletionRepository deletions, InstanceRepository instances, LifetimeViews views,
                  Mailer mailer, PortalLinks links, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.deletions = deletions;
        this.instances = instances;
        this.views = views;
        this.mailer = mailer;
        this.links = links;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** One e-mail, rendered from what was read under the claim. */
    record Notice(String uid, String to, Map<String, Object> variables, String subject) {
    }

    @Scheduled(fixedDelayString = "${vantage.expiry.notice-interval:15s}",
            initialDelayString = "${vantage.expiry.notice-interval:15s}")
    @SchedulerLock(name = "deletion-mails", lockAtMostFor = "PT10M")
    public void run() {
        sendDue();
    }

    /** Tells people about every deleted instance nobody told them about yet; returns how many deletions. */
    public int sendDue() {
        int told = 0;
        for (Long id : deletions.findUntold()) {
            List<Notice> notices = tx.execute(status -> claim(id));
            if (notices == null) {
                continue;
            }
            int sent = (int) notices.stream().filter(n -> mailer.send(new Mailer.Mail(n.to(), n.subject(),
                    "instance-deleted", n.variables()))).count();
            String uid = instances.findById(id).map(Instance::getUid).orElse(String.valueOf(id));
            audit.success(null, "instance.deletion.mail", "instance", uid, "e-mailed " + sent + " of " + notices.size());
            told++;
        }
        return told;
    }

    private List<Notice> claim(Long id) {
        if (deletions.claimTelling(id, clock.instant()) == 0) {
            return null; // another replica told them
        }
        InstanceDeletion deletion = deletions.findById(id).orElseThrow();
        Instance instance = instances.findById(id).orElseThrow();
        String why = DeletionReasons.sentence(deletion.getCause(), views.name(deletion.getActorId()),
                deletion.getDetail(), instance, mailer.timeZone());
        return instance.getMembers().stream()
                .filter(m -> m.getRole() == MemberRole.OWNER || m.getRole() == MemberRole.USER)
                .filter(m -> !m.getUserId().equals(deletion.getActorId()))
                .map(InstanceMember::getUser)
                .filter(u -> u.getEmail() != null && !u.getEmail().isBlank())
                .map(u -> notice(instance, u, why)).toList();
    }

    private Notice notice(Instance instance, User to, String why) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("name", to.getFullName());
        variables.put("instanceName", instance.getName());
        variables.put("environment", instance.getPlan().getImage().getName());
        variables.put("owner", instance.owner().getFullName());
        variables.put("createdAt", MailDates.format(instance.getCreatedAt(), mailer.timeZone()));
        Instant deletedAt = instance.getDeletedAt() == null ? clock.instant() : instance.getDeletedAt();
        variables.put("deletedAt", MailDates.format(deletedAt, mailer.timeZone()));
        variables.put("why", why);
        variables.put("instanceUrl", links.instance(instance.getUid()));
        return new Notice(instance.getUid(), to.getEmail(), variables,
                "Your instance \u201c" + instance.getName() + "\u201d was deleted");
    }
}
