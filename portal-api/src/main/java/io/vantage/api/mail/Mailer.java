package io.vantage.api.mail;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends the portal's e-mails, HTML with a plain-text part. A portal without mail configured works on: the first
 * attempt logs that mail is off, later ones are skipped quietly. A failed send is logged, never thrown, so a
 * broken mail server cannot stop a scheduled job half-way.
 */
@Service
@EnableConfigurationProperties(PortalMailProperties.class)
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final MailTemplates templates;
    private final PortalMailProperties properties;
    private final AtomicBoolean reportedMissing = new AtomicBoolean();

    Mailer(ObjectProvider<JavaMailSender> sender, MailTemplates templates, PortalMailProperties properties) {
        this.sender = sender;
        this.templates = templates;
        this.properties = properties;
    }

    /** One e-mail to one person; {@code template} names {@code templates/mail/TEMPLATE.html} and {@code .txt}. */
    public record Mail(String to, String subject, String template, Map<String, Object> variables) {
    }

    public java.time.ZoneId timeZone() {
        return properties.timeZone();
    }

    /** Whether the mail was handed to the SMTP server. */
    public boolean send(Mail mail) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            if (reportedMissing.compareAndSet(false, true)) {
                log.warn("No mail server configured (spring.mail.host is not set): the portal sends no e-mails; "
                        + "warnings still show in the browser");
            }
            return false;
        }
        try {
            MailTemplates.Rendered body = templates.render(mail.template(), mail.variables());
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(body.text(), body.html());
            smtp.send(message);
            return true;
        } catch (MailException | MessagingException | org.thymeleaf.exceptions.TemplateEngineException e) {
            log.error("Could not send '{}' to {}: {}", mail.subject(), mail.to(), e.getMessage());
            return false;
        }
    }
}
