package io.vantage.web.deploy;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * One-shot tasks the portal image runs instead of the portal, chosen by the first argument, so that Kubernetes Jobs
 * and init containers use the same image and entrypoint without needing a shell in it:
 * <ul>
 *   <li>{@code migrate}: Flyway migrations, then exit (the Helm chart's migration Job, before a release starts);</li>
 *   <li>{@code trust-store BUNDLE.pem TARGET.p12}: the JVM's trust anchors plus a PEM bundle, as a trust store.</li>
 * </ul>
 */
public final class DeploymentTasks {

    private DeploymentTasks() {
    }

    /** The task's exit code, or empty when the arguments name no task (the portal then starts as usual). */
    public static OptionalInt run(String... args) {
        if (args.length == 0) {
            return OptionalInt.empty();
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "migrate" -> OptionalInt.of(MigrateDatabase.run(rest));
            case "trust-store" -> OptionalInt.of(TrustStoreBuilder.run(rest));
            default -> OptionalInt.empty();
        };
    }
}
