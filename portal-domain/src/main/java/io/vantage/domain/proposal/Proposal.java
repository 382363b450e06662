package io.vantage.domain.proposal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "proposals")
public class Proposal {

    @Id
    private String id;
    private String title;
    private String summary;
    private String doi;
    private LocalDate publicAt;
    private Instant endedAt;
    /** Where the user office says its data is (raw data; a proposal's processed area); null: the store's rule. */
    private String dataPath;

    protected Proposal() {
    }

    public Proposal(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getDoi() {
        return doi;
    }

    public LocalDate getPublicAt() {
        return publicAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getDataPath() {
        return dataPath;
    }
}
