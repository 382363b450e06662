package io.vantage.web.pool;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.pool.PoolAdmin;
import io.vantage.api.pool.PoolRequest;
import io.vantage.api.pool.PoolView;
import io.vantage.api.security.CurrentUser;
import io.vantage.web.admin.AdminMessages;
import io.vantage.web.admin.Flash;

/**
 * Pre-warmed pools: per plan, how many machines to keep ready and when, with what each pool holds now (ready,
 * warming, their ages). Plans whose cloud cannot hand a machine over say so instead of offering a form.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/pools")
class PoolsPageController {

    private final PoolAdmin pools;
    private final Validator validator;
    private final AdminMessages messages;

    PoolsPageController(PoolAdmin pools, Validator validator, AdminMessages messages) {
        this.pools = pools;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("pools", pools.list());
        model.addAttribute("days", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"));
        return "admin/pools";
    }

    @PostMapping("/{planId}")
    String set(CurrentUser admin, @PathVariable Long planId, @RequestParam(defaultValue = "0") Integer size,
               @RequestParam(required = false) List<String> days, @RequestParam(required = false) String from,
               @RequestParam(required = false) String until,
               @RequestParam(required = false) Integer maxIdleMinutes, RedirectAttributes redirect) {
        PoolRequest request = new PoolRequest(size, days, blank(from), blank(until), maxIdleMinutes);
        String invalid = validator.validate(request).stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().collect(Collectors.joining("; "));
        if (!invalid.isEmpty()) {
            AdminMessages.flash(redirect, Flash.danger(invalid));
            return "redirect:/admin/pools";
        }
        try {
            PoolView pool = pools.set(admin, planId, request);
            messages.success(redirect, "admin.pools.saved", pool.imageName(), pool.flavourName(), pool.size(),
                    pool.schedule());
        } catch (FieldException e) {
            AdminMessages.flash(redirect, Flash.danger(e.field() + ": " + e.getMessage()));
        } catch (ConflictException e) {
            AdminMessages.flash(redirect, Flash.danger(e.getMessage()));
        }
        return "redirect:/admin/pools";
    }

    @PostMapping("/{planId}/remove")
    String remove(CurrentUser admin, @PathVariable Long planId, RedirectAttributes redirect) {
        pools.remove(admin, planId);
        messages.success(redirect, "admin.pools.removed");
        return "redirect:/admin/pools";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
