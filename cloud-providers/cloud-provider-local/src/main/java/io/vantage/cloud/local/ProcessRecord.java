package io.vantage.cloud.local;

/**
 * One process of an instance.
 *
 * @param startedAtMillis when the kernel says it started: with the pid it tells our process from a later one that
 *                        reuses the pid, so a restarted portal never signals a stranger
 * @param essential       whether the instance is broken without it (Xvnc, the notebook server); a closed
 *                        xterm or an exited window manager leaves the desktop usable
 */
record ProcessRecord(String role, long pid, long startedAtMillis, boolean essential) {
}
