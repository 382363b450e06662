package io.vantage.api.testing;

import java.io.IOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reads the text and HTML parts out of a received MIME message. */
public final class Mails {

    private Mails() {
    }

    /** The subject, for filters over received mail. */
    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every text/* part, concatenated. */
    public static String text(Part part) {
        return parts(part, "text/");
    }

    public static String html(Part part) {
        return parts(part, "text/html");
    }

    public static String plain(Part part) {
        return parts(part, "text/plain");
    }

    private static String parts(Part part, String type) {
        try {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    all.append(parts(body, type));
                }
                return all.toString();
            }
            return part.isMimeType(type + (type.endsWith("/") ? "*" : "")) ? String.valueOf(part.getContent()) : "";
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable mail part", e);
        }
    }
}
