package io.vantage.api.security;

/** Anything authenticated in the portal knows the portal user id it stands for. */
public interface PortalPrincipal {

    String userId();
}
