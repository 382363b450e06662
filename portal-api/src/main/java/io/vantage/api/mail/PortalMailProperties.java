package io.vantage.api.mail;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's own mail settings; the SMTP server itself is Spring Boot's {@code spring.mail.*}. Without
 * {@code spring.mail.host} no mail is sent at all.
 *
 * @param from     sender of the portal's e-mails, e.g. {@code Vantage <vantage@facility.example>}
 * @param timeZone zone in which dates are written in e-mails (people read "14:00", not an instant)
 */
@ConfigurationProperties("vantage.mail")
public record PortalMailProperties(@DefaultValue("Vantage <vantage@localhost>") String from,
                                   @DefaultValue("UTC") ZoneId timeZone) {
}
