package io.vantage.domain.user;

public enum RoleSource {
    /** Granted by an admin in the portal; the ETL never touches these. */
    PORTAL,
    /** Imported from the user office by the ETL. */
    USER_OFFICE,
    /** Carried by the login token; replaced at every login. */
    IDENTITY_PROVIDER
}
