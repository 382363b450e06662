package io.vantage.domain.user;

public enum RoleKind {
    /** Built-in roles the portal's rules know about. */
    SYSTEM,
    /** Groups made by admins, used for flavour limits and security groups. */
    GROUP
}
