package io.vantage.domain.proposal;

public enum ExperimentRole {
    PRINCIPAL_INVESTIGATOR,
    MAIN_PROPOSER,
    LOCAL_CONTACT,
    PARTICIPANT
}
