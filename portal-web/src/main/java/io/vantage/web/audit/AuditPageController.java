package io.vantage.web.audit;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.vantage.api.audit.AuditSearch;
import io.vantage.domain.audit.AuditEvent;
import io.vantage.web.admin.AdminTime;
import io.vantage.web.admin.Pager;

/** The audit log, newest first; each filter is exact and optional, dates are read in the portal's zone. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditPageController {

    private static final int PAGE_SIZE = 50;

    private final AuditSearch audit;

    AuditPageController(AuditSearch audit) {
        this.audit = audit;
    }

    record Row(Long id, Instant occurredAt, String actorId, String action, String targetType, String targetId,
               String outcome, String details) {
        static Row of(AuditEvent e) {
            return new Row(e.getId(), e.getOccurredAt(), e.getActorId(), e.getAction(), e.getTargetType(),
                    e.getTargetId(), e.getOutcome().name(), e.getDetails());
        }
    }

    static class Filter {
        private String actor;
        private String action;
        private String targetType;
        private String targetId;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private LocalDateTime from;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private LocalDateTime until;
        private int page;

        public String getActor() { return actor; }
        public void setActor(String actor) { this.actor = actor; }
        public String getAction() { return action; }
        public void setAction(String action) { this.action = action; }
        public String getTargetType() { return targetType; }
        public void setTargetType(String targetType) { this.targetType = targetType; }
        public String getTargetId() { return targetId; }
        public void setTargetId(String targetId) { this.targetId = targetId; }
        public LocalDateTime getFrom() { return from; }
        public void setFrom(LocalDateTime from) { this.from = from; }
        public LocalDateTime getUntil() { return until; }
        public void setUntil(LocalDateTime until) { this.until = until; }
        public int getPage() { return page; }
        public void setPage(int page) { this.page = page; }
    }

    /** A date that does not parse is marked next to its field and the list is shown without that filter. */
    @GetMapping("/admin/audit")
    String audit(@ModelAttribute("filter") Filter filter, BindingResult result, Model model,
                 HttpServletRequest request) {
        int page = Math.max(0, filter.getPage());
        Page<Row> found = audit.search(filter.getActor(), filter.getAction(), filter.getTargetType(),
                filter.getTargetId(), AdminTime.instant(filter.getFrom()), AdminTime.instant(filter.getUntil()),
                PageRequest.of(page, PAGE_SIZE), Row::of);
        model.addAttribute("events", found.getContent());
        model.addAttribute("pager", Pager.of(page, PAGE_SIZE, found.getTotalElements(), request));
        return "admin/audit";
    }
}
