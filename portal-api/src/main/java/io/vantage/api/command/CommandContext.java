package io.vantage.api.command;

import java.time.Instant;
import java.util.List;

import io.vantage.cloud.api.InstanceMetadata;
import io.vantage.domain.instance.CommandType;

/**
 * What a worker needs to carry out one command, read in one short transaction before calling the cloud.
 *
 * @param terminationDate the instance's end of life as it is when the command runs (a TIME_LIMIT moves the cloud's
 *                        limit there, whatever date the command was queued for); null when it has none
 */
record CommandContext(Long commandId, CommandType type, int attempts, Long instanceId, String uid, String name,
                      String computeId, Long providerId, String imageId, String flavourId, List<String> securityGroups,
                      InstanceMetadata metadata, String userData, boolean deleteRequested, Instant terminationDate) {
}
