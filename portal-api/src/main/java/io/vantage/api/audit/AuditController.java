package io.vantage.api.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.error.FieldException;
import io.vantage.api.support.PageView;
import io.vantage.api.support.Paging;
import io.vantage.domain.audit.AuditEvent;

/** The audit log, newest first; every filter is optional and exact, {@code from}/{@code until} are ISO instants. */
@RestController
@RequestMapping("/api/admin/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditSearch audit;

    AuditController(AuditSearch audit) {
        this.audit = audit;
    }

    record AuditEventView(Long id, Instant occurredAt, String actorId, String action, String targetType,
                          String targetId, String outcome, String details) {
        static AuditEventView of(AuditEvent e) {
            return new AuditEventView(e.getId(), e.getOccurredAt(), e.getActorId(), e.getAction(), e.getTargetType(),
                    e.getTargetId(), e.getOutcome().name(), e.getDetails());
        }
    }

    @GetMapping
    PageView<AuditEventView> search(@RequestParam(required = false) String actor,
                                    @RequestParam(required = false) String action,
                                    @RequestParam(required = false) String targetType,
                                    @RequestParam(required = false) String targetId,
                                    @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String until,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        Page<AuditEventView> found = audit.search(blankToNull(actor), blankToNull(action), blankToNull(targetType),
                blankToNull(targetId), instant("from", from), instant("until", until), Paging.of(page, size),
                AuditEventView::of);
        return PageView.of(found, view -> view);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new FieldException(field, "must be an ISO-8601 instant such as 2026-11-25T10:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
