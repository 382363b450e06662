package io.vantage.etl.validate;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which role names a role grant may carry: the portal's roles (system roles and groups admins made), spelled
 * exactly, plus the names the configuration maps ({@code vantage.etl.role-mapping}, e.g. {@code Staff: STAFF}).
 * Anything else is a problem of its row: the import never creates a role, and never makes anyone ADMIN unless the
 * configuration maps a name to it on purpose.
 */
public final class RoleNames {

    static final String ADMIN = "ADMIN";

    private final Set<String> known;
    private final Map<String, String> mapping;

    /**
     * @throws IllegalArgumentException when the mapping names a role the portal does not have
     */
    public RoleNames(Collection<String> portalRoles, Map<String, String> mapping) {
        this.known = Set.copyOf(portalRoles);
        this.mapping = Map.copyOf(mapping);
        mapping.forEach((from, to) -> {
            if (!known.contains(to)) {
                throw new IllegalArgumentException("vantage.etl.role-mapping maps '" + from + "' to '" + to
                        + "', which is not a role of the portal (" + String.join(", ", new TreeSet<>(known)) + ")");
            }
        });
    }

    /** The portal role for {@code name}, or null when it is not one. */
    String resolve(String name) {
        String mapped = mapping.get(name);
        if (mapped != null) {
            return mapped;
        }
        return known.contains(name) && !ADMIN.equals(name) ? name : null;
    }

    String problem(String name) {
        if (ADMIN.equals(name)) {
            return "the import does not make anyone ADMIN (admins are named in the portal, or the name is mapped on"
                    + " purpose in vantage.etl.role-mapping)";
        }
        TreeSet<String> names = new TreeSet<>(known);
        names.remove(ADMIN);
        return "'" + name + "' is not a role of the portal (" + String.join(", ", names) + "); create the group in"
                + " the portal or map the name in vantage.etl.role-mapping";
    }
}
