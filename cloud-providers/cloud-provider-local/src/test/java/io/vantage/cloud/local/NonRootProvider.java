package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.InstanceMetadata;
import io.vantage.cloud.api.ProviderContext;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.List;

/**
 * Run by {@link NonRootModeTest} in a JVM of an unprivileged user: a portal that cannot create users. Asks for
 * {@code isolation: users} (refused), then prints the provider's warnings (which the portal logs and shows admins),
 * launches a notebook with the default setting, says so, waits for a line on stdin and deletes it.
 */
public final class NonRootProvider {

    private NonRootProvider() {
    }

    public static void main(String[] args) throws Exception {
        LocalSettings settings = LocalSettings.defaults().withWorkDir(args[0]).withStopGrace(Duration.ofSeconds(2));
        ProviderContext context = new ProviderContext("non-root", null, Duration.ofSeconds(20));
        try {
            new LocalProviderFactory().create("strict", settings.withIsolation("users"), context).close();
            System.out.println("USERS-ACCEPTED");
        } catch (CloudPermanentException e) {
            System.out.println("USERS-REFUSED " + e.getMessage());
        }
        try (CloudProvider provider = new LocalProviderFactory().create("demo", settings, context)) {
            provider.warnings().forEach(warning -> System.out.println("WARNING " + warning)); // the portal logs these
            String computeId = provider.compute().create(new CreateInstanceRequest("n", "notebook", "small", null,
                    null, new InstanceMetadata("non-root", "uid-nonroot", "carol", List.of(), 0, 0, null,
                            args[1]), null)).computeId();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            CloudInstance instance = provider.compute().get(computeId).orElseThrow();
            while (instance.state() != CloudState.RUNNING && instance.state() != CloudState.ERROR
                    && System.nanoTime() < deadline) {
                Thread.sleep(100); // a separate JVM: no Awaitility on this classpath
                instance = provider.compute().get(computeId).orElseThrow();
            }
            System.out.println("STATE " + instance.state() + " " + computeId + " " + instance.fault());
            new BufferedReader(new InputStreamReader(System.in)).readLine();
            provider.compute().delete(computeId);
            System.out.println("DELETED " + provider.compute().get(computeId).isEmpty());
        }
    }
}
