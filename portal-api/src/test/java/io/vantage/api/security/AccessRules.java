package io.vantage.api.security;

import java.util.List;
import java.util.Map;

/**
 * The expected access of every API endpoint, by who asks. Adding an endpoint without a line here makes
 * {@link AuthorizationMatrixTest} fail.
 */
final class AccessRules {

    enum Persona { ANONYMOUS, OWNER, MEMBER, GUEST, STRANGER, SUPPORT, ADMIN }

    /** ALLOW: passes the access checks (any status but 401/403, and no 404 on the fixture instance). */
    enum Outcome { ALLOW, FORBIDDEN, HIDDEN, UNAUTHENTICATED }

    enum Kind {
        ADMIN(Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.ALLOW),
        SIGNED_IN(Outcome.ALLOW, Outcome.ALLOW, Outcome.ALLOW, Outcome.ALLOW, Outcome.ALLOW, Outcome.ALLOW),
        VIEW(Outcome.ALLOW, Outcome.ALLOW, Outcome.ALLOW, Outcome.HIDDEN, Outcome.ALLOW, Outcome.ALLOW),
        CONNECT(Outcome.ALLOW, Outcome.ALLOW, Outcome.ALLOW, Outcome.HIDDEN, Outcome.FORBIDDEN, Outcome.ALLOW),
        CONTROL(Outcome.ALLOW, Outcome.ALLOW, Outcome.FORBIDDEN, Outcome.HIDDEN, Outcome.FORBIDDEN, Outcome.ALLOW),
        OWNER_ONLY(Outcome.ALLOW, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.HIDDEN, Outcome.FORBIDDEN, Outcome.ALLOW),
        SUPPORT_REQUEST(Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.HIDDEN, Outcome.ALLOW,
                Outcome.FORBIDDEN);

        /** Outcomes for OWNER, MEMBER, GUEST, STRANGER, SUPPORT, ADMIN; anonymous callers always get 401. */
        private final List<Outcome> outcomes;

        Kind(Outcome... outcomes) {
            this.outcomes = List.of(outcomes);
        }

        Outcome expected(Persona persona) {
            return persona == Persona.ANONYMOUS ? Outcome.UNAUTHENTICATED : outcomes.get(persona.ordinal() - 1);
        }

        boolean instanceScoped() {
            return this != ADMIN && this != SIGNED_IN;
        }
    }

    record Rule(String method, String pattern, Kind kind, Map<String, Object> body) {
        String key() {
            return method + " " + pattern;
        }
    }

    private static final Map<String, Object> NONE = Map.of();

    static List<Rule> all() {
        List<Rule> rules = new java.util.ArrayList<>(List.of(
                rule("GET", "/api/me", Kind.SIGNED_IN),
                rule("GET", "/api/me/quota", Kind.SIGNED_IN),
                rule("GET", "/api/experiments", Kind.SIGNED_IN),
                rule("GET", "/api/plans", Kind.SIGNED_IN),
                rule("GET", "/api/events", Kind.SIGNED_IN),
                rule("GET", "/api/notifications", Kind.SIGNED_IN),
                rule("POST", "/api/notifications/{id}/acknowledge", Kind.SIGNED_IN),
                rule("GET", "/api/users/search", Kind.SIGNED_IN),
                rule("GET", "/api/open", Kind.SIGNED_IN),
                rule("GET", "/api/recipes", Kind.SIGNED_IN),
                rule("GET", "/api/instances", Kind.SIGNED_IN),
                new Rule("POST", "/api/instances", Kind.SIGNED_IN, Map.of("planId", 999999, "name", "matrix")),
                new Rule("POST", "/api/instances/validation", Kind.SIGNED_IN, Map.of("planId", 999999, "name", "matrix")),
                rule("POST", "/api/invitations/{token}/accept", Kind.SIGNED_IN),
                rule("GET", "/api/instances/{uid}", Kind.VIEW),
                rule("GET", "/api/instances/{uid}/history", Kind.VIEW),
                rule("GET", "/api/instances/{uid}/sessions", Kind.VIEW),
                rule("GET", "/api/instances/{uid}/members", Kind.VIEW),
                // where its data is: members' business, like its lifetime requests
                rule("GET", "/api/instances/{uid}/data", Kind.CONNECT),
                // files: guests only once the owner lets them download (off here), never upload
                rule("GET", "/api/instances/{uid}/files", Kind.CONTROL),
                rule("GET", "/api/instances/{uid}/files/content", Kind.CONTROL),
                rule("PUT", "/api/instances/{uid}/files/content", Kind.CONTROL),
                new Rule("PUT", "/api/instances/{uid}/files/settings", Kind.OWNER_ONLY, Map.of("guestsMayDownload", true)),
                // Members' business: support staff see the instance, not its lifetime requests.
                rule("GET", "/api/instances/{uid}/extension-requests", Kind.CONNECT),
                new Rule("POST", "/api/instances/{uid}/tickets", Kind.CONNECT, Map.of("protocol", "VNC")),
                rule("POST", "/api/instances/{uid}/start", Kind.CONTROL),
                rule("POST", "/api/instances/{uid}/stop", Kind.CONTROL),
                rule("POST", "/api/instances/{uid}/reboot", Kind.CONTROL),
                rule("POST", "/api/instances/{uid}/extend", Kind.CONTROL),
                rule("GET", "/api/instances/{uid}/lifetime", Kind.VIEW),
                rule("POST", "/api/instances/{uid}/still-here", Kind.CONTROL),
                new Rule("POST", "/api/instances/{uid}/extension-requests", Kind.CONTROL,
                        Map.of("requestedUntil", java.time.Instant.now().plus(java.time.Duration.ofDays(20)).toString(),
                                "comments", "matrix")),
                rule("DELETE", "/api/instances/{uid}", Kind.OWNER_ONLY),
                new Rule("POST", "/api/instances/{uid}/experiments", Kind.OWNER_ONLY, Map.of("experimentId", "EXP-1")),
                new Rule("POST", "/api/instances/{uid}/members", Kind.OWNER_ONLY,
                        Map.of("userId", "matrix-target2", "role", "GUEST")),
                new Rule("PUT", "/api/instances/{uid}/members/{userId}", Kind.OWNER_ONLY, Map.of("role", "GUEST")),
                rule("DELETE", "/api/instances/{uid}/members/{userId}", Kind.OWNER_ONLY),
                new Rule("POST", "/api/instances/{uid}/invitations", Kind.OWNER_ONLY, Map.of("role", "GUEST")),
                rule("GET", "/api/instances/{uid}/access-requests", Kind.OWNER_ONLY),
                rule("POST", "/api/instances/{uid}/access-requests/{id}/grant", Kind.OWNER_ONLY),
                rule("POST", "/api/instances/{uid}/access-requests/{id}/refuse", Kind.OWNER_ONLY),
                new Rule("POST", "/api/instances/{uid}/access-requests", Kind.SUPPORT_REQUEST, Map.of("reason", "help"))));
        for (String[] admin : ADMIN_ENDPOINTS) {
            rules.add(rule(admin[0], admin[1], Kind.ADMIN));
        }
        return rules;
    }

    private static Rule rule(String method, String pattern, Kind kind) {
        return new Rule(method, pattern, kind, "GET".equals(method) || "DELETE".equals(method) ? null : NONE);
    }

    /** Everything under /api/admin/** is for admins only (also enforced by the URL rule). */
    private static final String[][] ADMIN_ENDPOINTS = {
            {"GET", "/api/admin/overview"}, {"GET", "/api/admin/audit"}, {"GET", "/api/admin/sessions"},
            {"DELETE", "/api/admin/sessions/{id}"}, {"POST", "/api/admin/orphans/cleanup"},
            {"GET", "/api/admin/users"}, {"GET", "/api/admin/users/{id}"}, {"POST", "/api/admin/users/{id}/roles"},
            {"DELETE", "/api/admin/users/{id}/roles/{role}"}, {"PUT", "/api/admin/users/{id}/quota"},
            {"DELETE", "/api/admin/users/{id}/sessions"},
            {"GET", "/api/admin/roles"}, {"GET", "/api/admin/roles/{name}"}, {"PUT", "/api/admin/roles/{name}/policy"},
            {"DELETE", "/api/admin/roles/{name}/policy"}, {"POST", "/api/admin/groups"},
            {"DELETE", "/api/admin/groups/{name}"},
            {"GET", "/api/admin/flavours"}, {"POST", "/api/admin/flavours"}, {"GET", "/api/admin/flavours/{id}"},
            {"PUT", "/api/admin/flavours/{id}"}, {"DELETE", "/api/admin/flavours/{id}"},
            {"POST", "/api/admin/flavours/{id}/limits"}, {"DELETE", "/api/admin/flavours/{id}/limits/{limitId}"},
            {"GET", "/api/admin/images"}, {"POST", "/api/admin/images"}, {"GET", "/api/admin/images/{id}"},
            {"PUT", "/api/admin/images/{id}"}, {"DELETE", "/api/admin/images/{id}"}, {"GET", "/api/admin/protocols"},
            {"GET", "/api/admin/plans"}, {"POST", "/api/admin/plans"}, {"PUT", "/api/admin/plans/{id}/preset"},
            {"DELETE", "/api/admin/plans/{id}"}, {"GET", "/api/admin/pools"}, {"GET", "/api/admin/plans/{id}/pool"},
            {"PUT", "/api/admin/plans/{id}/pool"}, {"DELETE", "/api/admin/plans/{id}/pool"},
            {"GET", "/api/admin/notifications"}, {"POST", "/api/admin/notifications"},
            {"GET", "/api/admin/notifications/{id}"}, {"PUT", "/api/admin/notifications/{id}"},
            {"POST", "/api/admin/notifications/{id}/enable"}, {"POST", "/api/admin/notifications/{id}/disable"},
            {"DELETE", "/api/admin/notifications/{id}"},
            {"GET", "/api/admin/provider-types"},
            {"GET", "/api/admin/data-stores"}, {"POST", "/api/admin/data-stores"}, {"GET", "/api/admin/data-stores/{id}"},
            {"PUT", "/api/admin/data-stores/{id}"}, {"DELETE", "/api/admin/data-stores/{id}"},
            {"GET", "/api/admin/data-stores/preview"},
            {"GET", "/api/admin/recipes"}, {"POST", "/api/admin/recipes"}, {"GET", "/api/admin/recipes/{id}"},
            {"PUT", "/api/admin/recipes/{id}"}, {"DELETE", "/api/admin/recipes/{id}"},
            {"GET", "/api/admin/providers"}, {"POST", "/api/admin/providers"}, {"GET", "/api/admin/providers/{id}"},
            {"PUT", "/api/admin/providers/{id}/settings"}, {"POST", "/api/admin/providers/{id}/enable"},
            {"POST", "/api/admin/providers/{id}/disable"}, {"POST", "/api/admin/providers/{id}/test"},
            {"DELETE", "/api/admin/providers/{id}"},
            {"GET", "/api/admin/providers/{providerId}/images"}, {"GET", "/api/admin/providers/{providerId}/flavours"},
            {"GET", "/api/admin/providers/{providerId}/cloud-security-groups"},
            {"GET", "/api/admin/providers/{providerId}/security-groups"},
            {"POST", "/api/admin/providers/{providerId}/security-groups"},
            {"PUT", "/api/admin/security-groups/{id}/default"}, {"POST", "/api/admin/security-groups/{id}/rules"},
            {"DELETE", "/api/admin/security-groups/{id}/rules/{ruleId}"}, {"DELETE", "/api/admin/security-groups/{id}"},
            {"GET", "/api/admin/extension-requests"}, {"POST", "/api/admin/extension-requests/{id}/approve"},
            {"POST", "/api/admin/extension-requests/{id}/refuse"},
            {"GET", "/api/admin/expiry/warnings"}, {"PUT", "/api/admin/expiry/warnings/roles/{name}"},
            {"DELETE", "/api/admin/expiry/warnings/roles/{name}"}, {"PUT", "/api/admin/expiry/warnings/images/{id}"},
            {"DELETE", "/api/admin/expiry/warnings/images/{id}"}, {"POST", "/api/admin/expiry/test-mail"},
            {"GET", "/api/admin/instances"}, {"GET", "/api/admin/instances/{uid}"},
            {"POST", "/api/admin/instances/{uid}/start"}, {"POST", "/api/admin/instances/{uid}/stop"},
            {"POST", "/api/admin/instances/{uid}/reboot"}, {"DELETE", "/api/admin/instances/{uid}"},
            {"POST", "/api/admin/instances/{uid}/extend"}, {"POST", "/api/admin/instances/{uid}/sync"}};

    private AccessRules() {
    }
}
