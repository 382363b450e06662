package io.vantage.etl.model;

/**
 * What the user office delivers, in load order: every entity refers only to entities above it.
 * The name is the file's base name ({@code users.csv}) and the key in configuration and counts.
 */
public enum EntityType {
    EMPLOYERS("employers", "employer"),
    USERS("users", "user"),
    ROLES("roles", "role grant"),
    INSTRUMENTS("instruments", "instrument"),
    INSTRUMENT_SCIENTISTS("instrument_scientists", "instrument scientist"),
    PROPOSALS("proposals", "proposal"),
    EXPERIMENTS("experiments", "experiment"),
    EXPERIMENT_MEMBERS("experiment_members", "experiment member");

    private final String key;
    private final String noun;

    EntityType(String key, String noun) {
        this.key = key;
        this.noun = noun;
    }

    public String key() {
        return key;
    }

    public String noun() {
        return noun;
    }

    /** Accepts {@code experiment_members}, {@code experiment-members} or {@code experimentMembers}. */
    public static EntityType fromKey(String text) {
        String wanted = normalise(text);
        for (EntityType type : values()) {
            if (normalise(type.key).equals(wanted)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown entity '" + text + "'; expected one of employers, users, roles, "
                + "instruments, instrument_scientists, proposals, experiments, experiment_members");
    }

    static String normalise(String text) {
        return text.replace("-", "").replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }
}
