package io.vantage.api.command;

import java.util.List;

import io.vantage.cloud.api.DataMount;
import io.vantage.cloud.api.InstanceMetadata;
import io.vantage.domain.instance.CommandType;

/**
 * What a worker needs to carry out one command, read in one short transaction before calling the cloud.
 *
 * @param dataMounts  the instance's data folders now
 * @param dataProblem why they could not be worked out (a path outside its store), or null
 */
record CommandContext(Long commandId, CommandType type, int attempts, Long instanceId, String uid, String name,
                      String computeId, Long providerId, String imageId, String flavourId, List<String> securityGroups,
                      InstanceMetadata metadata, String userData, boolean deleteRequested, List<DataMount> dataMounts,
                      String dataProblem) {
}
