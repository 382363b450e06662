package io.vantage.domain.cloud;

public enum RuleTarget {
    ROLE,
    INSTRUMENT,
    FLAVOUR
}
