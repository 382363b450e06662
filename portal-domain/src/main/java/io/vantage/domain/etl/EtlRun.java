package io.vantage.domain.etl;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One import from the user office: when, from where, what it changed or why it stopped. */
@Entity
@Table(name = "etl_runs")
public class EtlRun {

    public enum Mode { DRY_RUN, RUN }

    /** NEEDS_CONFIRMATION: it would have ended more than the allowed share of a kind, so it changed nothing. */
    public enum Outcome { RUNNING, SUCCEEDED, FAILED, ABORTED, NEEDS_CONFIRMATION }

    /**
     * What a run does with rows that have problems: ALL_OR_NOTHING stops at any problem; SKIP_INVALID imports the
     * valid rows and changes nothing the invalid ones touch.
     */
    public enum Policy { ALL_OR_NOTHING, SKIP_INVALID }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant startedAt;
    private Instant finishedAt;
    private String source;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Enumerated(EnumType.STRING)
    private Policy policy;
    private String triggeredBy;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String counts;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String errors;
    private int errorCount;
    private String message;

    protected EtlRun() {
    }

    public Long getId() {
        return id;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getSource() {
        return source;
    }

    public Mode getMode() {
        return mode;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public Policy getPolicy() {
        return policy;
    }

    public String getTriggeredBy() {
        return triggeredBy;
    }

    public String getCounts() {
        return counts;
    }

    public String getErrors() {
        return errors;
    }

    public int getErrorCount() {
        return errorCount;
    }

    public String getMessage() {
        return message;
    }
}
