package io.vantage.web.admin;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Texts from messages-admin.properties for flash messages, which are made in controllers, not templates. */
@Component
public class AdminMessages {

    private final MessageSource messages;

    AdminMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String get(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }

    public void success(RedirectAttributes redirect, String code, Object... args) {
        redirect.addFlashAttribute("flash", Flash.success(get(code, args)));
    }

    /** A service's own sentence (refusals, warnings, what a withdrawal did) is shown as it is. */
    public static void flash(RedirectAttributes redirect, Flash flash) {
        redirect.addFlashAttribute("flash", flash);
    }
}
