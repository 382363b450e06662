package io.vantage.api.audit;

import java.time.Instant;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.domain.audit.AuditEvent;
import io.vantage.domain.audit.AuditEventRepository;

/** The audit log for the admin API and page: newest first, each filter exact and optional ({@code null}). */
@Service
public class AuditSearch {

    private final AuditEventRepository events;

    AuditSearch(AuditEventRepository events) {
        this.events = events;
    }

    /** One page of events, each turned into the caller's view while the transaction is open. */
    @Transactional(readOnly = true)
    public <T> Page<T> search(String actor, String action, String targetType, String targetId, Instant from,
                              Instant until, Pageable page, Function<AuditEvent, T> view) {
        return events.search(actor, action, targetType, targetId, from, until, page).map(view);
    }
}
