package io.vantage.cloud.local;

import java.util.Objects;

/**
 * The operating-system user an instance runs as, with its own group. Recorded with the instance (no secret), so a
 * restarted portal still knows whose processes to end and which account to remove.
 *
 * @param name a name derived from the instance uid ({@code vi-<uid>}), at most 32 characters
 * @param uid  its user id; never 0
 * @param gid  its primary group, private to this user; experiment data groups are supplementary groups on top,
 *             picked up by every process at launch ({@code setpriv --init-groups})
 */
record InstanceUser(String name, int uid, int gid) {

    InstanceUser {
        Objects.requireNonNull(name, "name");
        if (uid <= 0 || gid <= 0) {
            throw new IllegalArgumentException("an instance user is never root: " + name + " " + uid + ":" + gid);
        }
    }

    /** As recorded in {@code instance.properties}: {@code name:uid:gid}. */
    String format() {
        return name + ":" + uid + ":" + gid;
    }

    static InstanceUser parse(String text) {
        String[] fields = text.split(":");
        if (fields.length != 3) {
            throw new IllegalArgumentException("not name:uid:gid: " + text);
        }
        return new InstanceUser(fields[0], Integer.parseInt(fields[1]), Integer.parseInt(fields[2]));
    }
}
