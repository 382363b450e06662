package io.vantage.domain.etl;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One problem of an import, as the ETL recorded it (written with plain SQL by the ETL; read here). */
@Entity
@Table(name = "etl_run_problems")
@IdClass(EtlRunProblem.Key.class)
public class EtlRunProblem {

    @Id
    private Long runId;
    /** Position in the run's list: fatal problems first, then by kind in load order. */
    @Id
    private Integer seq;
    private boolean fatal;
    private String entity;
    private String recordId;
    private String source;
    private String location;
    private String field;
    private String message;

    protected EtlRunProblem() {
    }

    public Long getRunId() {
        return runId;
    }

    public Integer getSeq() {
        return seq;
    }

    public boolean isFatal() {
        return fatal;
    }

    /** The kind of record (users, experiments, ...), or null. */
    public String getEntity() {
        return entity;
    }

    public String getRecordId() {
        return recordId;
    }

    public String getSource() {
        return source;
    }

    public String getLocation() {
        return location;
    }

    public String getField() {
        return field;
    }

    public String getMessage() {
        return message;
    }

    public static class Key implements Serializable {
        private Long runId;
        private Integer seq;

        public Key() {
        }

        public Key(Long runId, Integer seq) {
            this.runId = runId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(runId, key.runId) && Objects.equals(seq, key.seq);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, seq);
        }
    }
}
