package io.vantage.api.security;

/** Where the identity provider is, and whether it is the embedded demo one (pages show a banner then). */
public record IssuerLocation(String uri, boolean embedded) {
}
