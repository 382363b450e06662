package io.vantage.api.testing;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * One SMTP server (GreenMail, on a free port) for the whole test run, so every test class using it shares one
 * portal context. Tests tell their mails apart by the instance link in them, never by counting everything.
 */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    /** Mails received so far whose body mentions {@code text} (e.g. an instance's link). */
    public static List<MimeMessage> mentioning(String text) {
        return Arrays.stream(server().getReceivedMessages()).filter(m -> Mails.text(m).contains(text)).toList();
    }

    public static List<String> recipients(List<MimeMessage> messages) {
        return messages.stream().flatMap(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).sorted().toList();
    }
}
