package io.vantage.cloud.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the provider remembers about an instance, persisted so a restarted portal finds it again. Holds no secret:
 * those live only in the files the processes read.
 *
 * @param desired   what was last asked for; the processes' liveness decides the rest of the state
 * @param display   the X display number of a desktop while it runs, 0 otherwise
 * @param ports     well-known port (5901, 8888) → the loopback port the process really listens on
 * @param fault     why the last launch failed, null when it did not
 * @param user      the Unix user the processes run as; null when they run as the portal's own user
 */
record InstanceRecord(String computeId, String name, String imageId, String flavourId, Instant createdAt,
                      Map<String, String> tags, int screenWidth, int screenHeight, Desired desired, int display,
                      Map<Integer, Integer> ports, List<ProcessRecord> processes, String fault, InstanceUser user) {

    enum Desired { RUNNING, STOPPED }

    InstanceRecord {
        Objects.requireNonNull(computeId, "computeId");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(desired, "desired");
        tags = Map.copyOf(tags);
        ports = Map.copyOf(ports);
        processes = List.copyOf(processes);
    }

    InstanceRecord withDesired(Desired newDesired) {
        return new InstanceRecord(computeId, name, imageId, flavourId, createdAt, tags, screenWidth, screenHeight,
                newDesired, display, ports, processes, fault, user);
    }

    InstanceRecord withProcess(ProcessRecord process) {
        List<ProcessRecord> all = new ArrayList<>(processes);
        all.add(process);
        return new InstanceRecord(computeId, name, imageId, flavourId, createdAt, tags, screenWidth, screenHeight,
                desired, display, ports, all, fault, user);
    }

    InstanceRecord withoutProcess(long pid) {
        return new InstanceRecord(computeId, name, imageId, flavourId, createdAt, tags, screenWidth, screenHeight,
                desired, display, ports, processes.stream().filter(process -> process.pid() != pid).toList(), fault,
                user);
    }

    InstanceRecord withDisplay(int newDisplay) {
        return new InstanceRecord(computeId, name, imageId, flavourId, createdAt, tags, screenWidth, screenHeight,
                desired, newDisplay, ports, processes, fault, user);
    }

    InstanceRecord withPort(int wellKnown, int actual) {
        Map<Integer, Integer> all = new HashMap<>(ports);
        all.put(wellKnown, actual);
        return new InstanceRecord(computeId, name, imageId, flavourId, createdAt, tags, screenWidth, screenHeight,
                desired, display, all, processes, fault, user);
    }

    InstanceRecord withFault(String newFault) {
        return new InstanceRecord(computeId, name, imageId, flavourId, createdAt, tags, screenWidth, screenHeight,
                desired, display, ports, processes, newFault, user);
    }

    InstanceRecord withUser(InstanceUser newUser) {
        return new InstanceRecord(computeId, name, imageId, flavourId, createdAt, tags, screenWidth, screenHeight,
                desired, display, ports, processes, fault, newUser);
    }

    /** Made for a pre-warmed pool and not handed over yet: it has no owner. */
    boolean pooled() {
        return !tags.containsKey(io.vantage.cloud.api.Tags.OWNER);
    }

    /** Given to its owner: their name for it, its tags (the owner among them) and their screen size. */
    InstanceRecord handedOver(String newName, Map<String, String> newTags, int newWidth, int newHeight) {
        return new InstanceRecord(computeId, newName, imageId, flavourId, createdAt, newTags, newWidth, newHeight,
                desired, display, ports, processes, fault, user);
    }

    InstanceRecord withTag(String key, String value) {
        Map<String, String> all = new HashMap<>(tags);
        all.put(key, value);
        return new InstanceRecord(computeId, name, imageId, flavourId, createdAt, all, screenWidth, screenHeight,
                desired, display, ports, processes, fault, user);
    }

    /** Nothing runs: no processes, display or ports, and no fault from an earlier launch. */
    InstanceRecord cleared() {
        return new InstanceRecord(computeId, name, imageId, flavourId, createdAt, tags, screenWidth, screenHeight,
                desired, 0, Map.of(), List.of(), null, user);
    }
}
