package io.vantage.domain.instance;

public enum RequestState {
    PENDING,
    ACCEPTED,
    REFUSED
}
