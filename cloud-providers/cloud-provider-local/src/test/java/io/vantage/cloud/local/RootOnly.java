package io.vantage.cloud.local;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests that create Unix users and groups need a root test run. On a developer's machine without root they are
 * skipped; in CI (the {@code CI} variable set, as {@code .ci/run} is run) a missing root fails them, so a CI that
 * stopped running as root cannot silently skip the isolation tests.
 */
final class RootOnly {

    private RootOnly() {
    }

    static void require(String why) {
        if (System.getenv("CI") != null) {
            assertTrue(LocalPackages.runningAsRoot(), why + ": CI must run the tests as root");
        } else {
            assumeTrue(LocalPackages.runningAsRoot(), why + " (CI runs tests as root)");
        }
    }
}
