package io.vantage.etl.load;

import io.vantage.etl.model.EntityType;

/** Where each entity lives in the portal's schema; field and column names match except the user's employer. */
public final class Tables {

    private Tables() {
    }

    public static String table(EntityType entity) {
        return switch (entity) {
            case EMPLOYERS -> "employers";
            case USERS -> "users";
            case ROLES -> "user_roles";
            case INSTRUMENTS -> "instruments";
            case INSTRUMENT_SCIENTISTS -> "instrument_scientists";
            case PROPOSALS -> "proposals";
            case EXPERIMENTS -> "experiments";
            case EXPERIMENT_MEMBERS -> "experiment_users";
        };
    }

    public static String column(EntityType entity, String field) {
        return entity == EntityType.USERS && field.equals("employer_id") ? "affiliation_id" : field;
    }
}
