package io.vantage.api.command;

import java.time.Instant;
import java.util.List;

import io.vantage.cloud.api.DataMount;
import io.vantage.cloud.api.InstanceMetadata;
import io.vantage.domain.instance.CommandType;

/**
 * What a worker needs to carry out one command, read in one short transaction before calling the cloud.
 *
 * @param name         the machine's name ({@code vantage-<uid>})
 * @param instanceName the instance's name as people chose it
 * @param poolSecret   with {@code poolNonce}: what a hand-over needs, only while one is under way
 * @param terminationDate the instance's end of life as it is when the command runs (a TIME_LIMIT moves the
 *                        cloud's limit there, whatever date the command was queued for); null when it has none
 * @param dataMounts   the instance's data folders now (for a create, a hand-over and a new experiment)
 * @param dataProblem  why they could not be worked out (a path outside its store), or null
 */
record CommandContext(Long commandId, CommandType type, int attempts, Long instanceId, String uid, String name,
                      String instanceName, String computeId, Long providerId, String imageId, String flavourId,
                      List<String> securityGroups, InstanceMetadata metadata, String userData,
                      boolean deleteRequested, String poolSecret, String poolNonce,
                      Instant terminationDate, List<DataMount> dataMounts, String dataProblem) {

    @Override
    public String toString() {
        return "CommandContext[" + commandId + " " + type + " of " + uid + "]";
    }
}
