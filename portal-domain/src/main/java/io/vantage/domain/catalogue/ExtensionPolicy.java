package io.vantage.domain.catalogue;

/** Who may extend the lifetime of instances of an image, and whether an admin must approve. */
public enum ExtensionPolicy {
    /** No extensions. */
    NEVER,
    /** Every request waits for an admin. */
    ADMIN_APPROVAL,
    /** Staff extend with one click, others wait for an admin. */
    STAFF_AUTO,
    /** Everyone extends with one click. */
    ALWAYS_AUTO
}
