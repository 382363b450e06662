package io.vantage.web.notification;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.vantage.api.notification.NotificationAdmin;
import io.vantage.api.notification.NotificationView;
import io.vantage.api.error.FieldException;
import io.vantage.api.security.CurrentUser;
import io.vantage.web.admin.AdminMessages;
import io.vantage.web.admin.FormErrors;

/** System notifications: maintenance, incidents, news, shown to everyone between their dates while enabled. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/notifications")
class NotificationsPageController {

    private final NotificationAdmin notifications;
    private final Validator validator;
    private final AdminMessages messages;

    NotificationsPageController(NotificationAdmin notifications, Validator validator, AdminMessages messages) {
        this.notifications = notifications;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("notifications", notifications.list());
        return "admin/notifications";
    }

    @GetMapping("/new")
    String newNotification(Model model) {
        model.addAttribute("notificationForm", new NotificationForm());
        return form(null, model);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable Long id, Model model) {
        NotificationView notification = notifications.get(id);
        model.addAttribute("notificationForm", NotificationForm.of(notification));
        return form(notification, model);
    }

    @PostMapping
    String create(CurrentUser admin, @Valid @ModelAttribute("notificationForm") NotificationForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        return save(admin, null, form, result, model, redirect);
    }

    @PostMapping("/{id}")
    String update(CurrentUser admin, @PathVariable Long id,
                  @Valid @ModelAttribute("notificationForm") NotificationForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        return save(admin, id, form, result, model, redirect);
    }

    @PostMapping("/{id}/{switch:enable|disable}")
    String enable(CurrentUser admin, @PathVariable Long id, @PathVariable("switch") String change,
                  RedirectAttributes redirect) {
        NotificationView saved = notifications.enable(admin, id, "enable".equals(change));
        messages.success(redirect, saved.enabled() ? "admin.notifications.enabled" : "admin.notifications.disabled");
        return "redirect:/admin/notifications";
    }

    @PostMapping("/{id}/delete")
    String delete(CurrentUser admin, @PathVariable Long id, RedirectAttributes redirect) {
        notifications.delete(admin, id);
        messages.success(redirect, "admin.notifications.deleted");
        return "redirect:/admin/notifications";
    }

    private String save(CurrentUser admin, Long id, NotificationForm form, BindingResult result, Model model,
                        RedirectAttributes redirect) {
        if (form.getActiveFrom() != null && form.getActiveUntil() != null
                && !form.getActiveUntil().isAfter(form.getActiveFrom())) {
            result.rejectValue("activeUntil", "admin.notifications.untilBeforeFrom");
        }
        if (FormErrors.valid(validator, form.toRequest(), result)) {
            try {
                if (id == null) {
                    notifications.create(admin, form.toRequest());
                } else {
                    notifications.update(admin, id, form.toRequest());
                }
                messages.success(redirect, "admin.notifications.saved");
                return "redirect:/admin/notifications";
            } catch (FieldException e) {
                FormErrors.reject(result, e);
            }
        }
        return form(id == null ? null : notifications.get(id), model);
    }

    private String form(NotificationView notification, Model model) {
        model.addAttribute("notification", notification);
        return "admin/notification-form";
    }
}
