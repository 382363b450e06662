package io.vantage.api.security;

import java.util.Set;

/** Anything authenticated in the portal knows the portal user id it stands for, and the roles its login carried. */
public interface PortalPrincipal {

    String userId();

    /** The roles the login token or API token carries (mapped onto portal roles), without portal grants. */
    Set<String> loginRoles();
}
