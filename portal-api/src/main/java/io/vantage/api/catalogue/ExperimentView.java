package io.vantage.api.catalogue;

import java.time.Instant;

import io.vantage.domain.proposal.Experiment;

public record ExperimentView(String id, String title, String proposalId, String proposalTitle, String instrumentId,
                             String instrumentName, Instant startDate, Instant endDate, String doi) {

    static ExperimentView of(Experiment e) {
        return new ExperimentView(e.getId(), e.getTitle(), e.getProposal().getId(), e.getProposal().getTitle(),
                e.getInstrument().getId(), e.getInstrument().getName(), e.getStartDate(), e.getEndDate(), e.getDoi());
    }
}
