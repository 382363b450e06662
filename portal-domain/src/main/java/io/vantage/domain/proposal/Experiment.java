package io.vantage.domain.proposal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Beam time on one instrument for one proposal. */
@Entity
@Table(name = "experiments")
public class Experiment {

    @Id
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "proposal_id")
    private Proposal proposal;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "instrument_id")
    private Instrument instrument;

    private String title;
    private Instant startDate;
    private Instant endDate;
    private String doi;
    private Instant endedAt;
    /** Where the user office says its data is (raw data; a proposal's processed area); null: the store's rule. */
    private String dataPath;

    protected Experiment() {
    }

    public Experiment(String id, Proposal proposal, Instrument instrument, String title, Instant startDate,
                      Instant endDate) {
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("Experiment " + id + " ends before it starts");
        }
        this.id = id;
        this.proposal = proposal;
        this.instrument = instrument;
        this.title = title;
        this.startDate = startDate;
        this.endDate = endDate;
    }

    public String getId() {
        return id;
    }

    public Proposal getProposal() {
        return proposal;
    }

    public Instrument getInstrument() {
        return instrument;
    }

    public String getTitle() {
        return title;
    }

    public Instant getStartDate() {
        return startDate;
    }

    public Instant getEndDate() {
        return endDate;
    }

    public String getDoi() {
        return doi;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getDataPath() {
        return dataPath;
    }
}
