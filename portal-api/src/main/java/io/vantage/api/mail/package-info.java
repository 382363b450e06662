/**
 * E-mail: Mailer renders a template and sends it when a mail server is configured. Depends on no other module; the
 * features decide what to send.
 */
@ApplicationModule(displayName = "Mail", allowedDependencies = {})
package io.vantage.api.mail;

import org.springframework.modulith.ApplicationModule;
