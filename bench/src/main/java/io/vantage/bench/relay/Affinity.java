package io.vantage.bench.relay;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** CPU affinity of a process and all its threads, with util-linux's taskset. */
final class Affinity {

    private Affinity() {
    }

    /** Pins every thread of {@code pid} to {@code cpus}; threads and children it starts later inherit it. */
    static void pin(long pid, String cpus) throws IOException, InterruptedException {
        Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid))
                .redirectErrorStream(true).start();
        String output = new String(taskset.getInputStream().readAllBytes());
        if (!taskset.waitFor(30, TimeUnit.SECONDS) || taskset.exitValue() != 0) {
            throw new IOException("taskset -a -p -c " + cpus + " " + pid + " failed: " + output.trim());
        }
    }

    /** Pins the process and the children it has already started (the portal's database server). */
    static void pinTree(long pid, String cpus) throws IOException, InterruptedException {
        pin(pid, cpus);
        for (ProcessHandle child : ProcessHandle.of(pid).orElseThrow().descendants().toList()) {
            try {
                pin(child.pid(), cpus);
            } catch (IOException e) {
                if (child.isAlive()) {
                    throw e;
                } // gone meanwhile: nothing to pin
            }
        }
    }
}
