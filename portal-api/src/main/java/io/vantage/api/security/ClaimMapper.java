package io.vantage.api.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.vantage.domain.user.Identity;
import io.vantage.domain.user.RoleRepository;

/** Reads an identity out of token claims using the configured claim names and role mapping. */
@Component
class ClaimMapper {

    static final String MISSING_CLAIM = "missing_claim";
    private static final Logger log = LoggerFactory.getLogger(ClaimMapper.class);

    private final AuthProperties.Oidc oidc;
    private final RoleRepository roles;

    ClaimMapper(AuthProperties properties, RoleRepository roles) {
        this.oidc = properties.oidc();
        this.roles = roles;
    }

    Identity identity(Map<String, Object> claims) {
        AuthProperties.Claims names = oidc.claims();
        Object id = claim(claims, names.userId());
        if (id == null || id.toString().isBlank()) {
            throw new MissingClaimException(names.userId());
        }
        return new Identity(id.toString(), string(claims, names.firstName()), string(claims, names.lastName()),
                string(claims, names.email()), Boolean.parseBoolean(String.valueOf(claim(claims, names.emailVerified()))),
                portalRoles(claim(claims, names.roles())));
    }

    /** Maps the token's roles or groups onto portal roles; unknown ones are ignored (and logged for the admin). */
    Set<String> portalRoles(Object tokenRoles) {
        if (!(tokenRoles instanceof Collection<?> values) || values.isEmpty()) {
            return Set.of();
        }
        Set<String> candidates = new HashSet<>();
        for (Object value : values) {
            String name = value.toString();
            String mapped = oidc.roleMapping().get(name);
            candidates.add(mapped != null ? mapped : name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        Set<String> known = new HashSet<>();
        roles.findByNameIn(candidates).forEach(role -> known.add(role.getName()));
        if (known.size() < candidates.size() && log.isDebugEnabled()) {
            candidates.removeAll(known);
            log.debug("Ignoring token roles that match no portal role: {}", candidates);
        }
        return known;
    }

    private static String string(Map<String, Object> claims, String name) {
        Object value = claim(claims, name);
        return value == null ? null : value.toString();
    }

    /** A claim by name, or by a dotted path into nested objects (Keycloak's realm_access.roles). */
    static Object claim(Map<String, Object> claims, String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
