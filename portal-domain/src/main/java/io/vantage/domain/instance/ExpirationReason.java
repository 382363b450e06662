package io.vantage.domain.instance;

public enum ExpirationReason {
    /** The instance reached the end of its lifetime. */
    LIFETIME,
    /** Nobody used the instance for too long. */
    INACTIVITY
}
