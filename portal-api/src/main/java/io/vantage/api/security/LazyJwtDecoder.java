package io.vantage.api.security;

import java.util.function.Supplier;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Builds the real decoder (which fetches the provider's discovery document) on the first API token rather than at
 * startup, and again after a failure, so an identity provider that is down or slow never stops the portal.
 */
class LazyJwtDecoder implements JwtDecoder {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LazyJwtDecoder.class);

    private final Supplier<JwtDecoder> factory;
    private volatile JwtDecoder delegate;

    LazyJwtDecoder(Supplier<JwtDecoder> factory) {
        this.factory = factory;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        return delegate().decode(token);
    }

    private JwtDecoder delegate() {
        JwtDecoder current = delegate;
        if (current == null) {
            synchronized (this) {
                if (delegate == null) {
                    try {
                        delegate = factory.get();
                    } catch (RuntimeException e) {
                        log.warn("Could not load the identity provider's configuration: {}", causes(e));
                        throw new JwtException("The identity provider could not be reached to check the token", e);
                    }
                }
                current = delegate;
            }
        }
        return current;
    }

    private static String causes(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(out.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ")
                    .append(t.getMessage());
        }
        return out.toString();
    }
}
