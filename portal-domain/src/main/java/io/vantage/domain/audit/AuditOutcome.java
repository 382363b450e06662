package io.vantage.domain.audit;

public enum AuditOutcome {
    SUCCESS,
    FAILURE,
    DENIED
}
