package io.vantage.domain.user;

import java.util.EnumSet;
import java.util.Set;

/** The roles the portal's rules refer to by name. Admins may add groups beside them. */
public enum SystemRole {
    ADMIN,
    STAFF,
    IT_SUPPORT,
    INSTRUMENT_SCIENTIST,
    INSTRUMENT_CONTROL,
    SCIENTIFIC_COMPUTING,
    GUEST;

    /** Roles that may launch without being on an experiment. */
    public static final Set<SystemRole> MAY_LAUNCH_WITHOUT_EXPERIMENT = EnumSet.of(ADMIN, STAFF, IT_SUPPORT,
            INSTRUMENT_SCIENTIST, INSTRUMENT_CONTROL, SCIENTIFIC_COMPUTING);

    public static boolean isSystemRole(String name) {
        for (SystemRole role : values()) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
