package io.vantage.cloud.local;

import java.util.List;

/** Starts the processes of one image kind. */
interface Launcher {

    /** Programs that must be on the executable path, checked before an instance is created or started. */
    List<String> programs();

    /**
     * Writes the files derived from the instance secret, once at creation; the secret is not kept elsewhere.
     *
     * @param owner the instance's user, the only one who may read them; null for the portal's own user
     */
    void writeSecrets(InstancePaths paths, String secret, InstanceUser owner);

    /**
     * Starts the processes, recording each in {@code launch} as soon as it exists so nothing is lost if the portal
     * dies half-way. On failure the caller ends whatever was recorded.
     */
    void launch(Launch launch) throws LaunchException, InterruptedException;
}
