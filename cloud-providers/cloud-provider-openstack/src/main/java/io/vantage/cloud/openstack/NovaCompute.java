package io.vantage.cloud.openstack;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.DataMount;
import io.vantage.cloud.api.DataMounts;
import io.vantage.cloud.api.Tags;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.compute.Action;
import org.openstack4j.model.compute.RebootType;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.compute.ServerCreate;
import org.openstack4j.model.compute.builder.ServerCreateBuilder;
import org.openstack4j.openstack.compute.domain.NovaServerCreate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Server lifecycle on Nova. Only servers tagged with this deployment's id are ever listed. */
final class NovaCompute implements Compute {

    private static final Logger LOG = LoggerFactory.getLogger(NovaCompute.class);
    private static final int PAGE_SIZE = 200;
    private static final int MAX_METADATA_VALUE = 255;

    private final OpenStackSession session;
    private final List<String> defaultNetworks;
    private final String deploymentId;
    private final Clock clock;
    private final FloatingIps floatingIps;

    /** {@code floatingIps} is null when no floating IP pool is configured. */
    NovaCompute(OpenStackSession session, List<String> defaultNetworks, String deploymentId, Clock clock,
                FloatingIps floatingIps) {
        this.session = session;
        this.defaultNetworks = defaultNetworks;
        this.deploymentId = deploymentId;
        this.clock = clock;
        this.floatingIps = floatingIps;
    }

    @Override
    public CloudInstance create(CreateInstanceRequest request) {
        ServerCreate server = serverCreate(request);
        String action = "boot server '" + request.name() + "'";
        Server booted = session.call(action, os -> os.compute().servers().boot(server));
        if (booted == null || booted.getId() == null) {
            // openstack4j turns a 404 into null; on create it means the image, flavour or network does not exist.
            throw new CloudPermanentException("Could not " + action + ": OpenStack does not know the image '"
                    + request.imageId() + "', the flavour '" + request.flavourId() + "' or a network (HTTP 404).");
        }
        // DataMount.toString() hides credentials
        LOG.info("Booted server {} '{}' for {} with data {}", booted.getId(), request.name(), request.metadata(),
                request.dataMounts());
        return new CloudInstance(booted.getId(), request.name(), CloudState.BUILDING, null, List.of(),
                request.metadata().tags(), clock.instant());
    }

    private ServerCreate serverCreate(CreateInstanceRequest request) {
        List<String> networks = request.networks().isEmpty() ? defaultNetworks : request.networks();
        ServerCreateBuilder builder = NovaServerCreate.builder()
                .name(request.name())
                .image(request.imageId())
                .flavor(request.flavourId())
                .addMetadata(metadata(request));
        if (!networks.isEmpty()) {
            builder.networks(networks);
        }
        request.securityGroups().forEach(builder::addSecurityGroup);
        if (request.userData() != null) {
            builder.userData(Base64.getEncoder().encodeToString(request.userData().getBytes(StandardCharsets.UTF_8)));
        }
        return builder.build();
    }

    // Nova refuses metadata values over 255 characters; a long experiment list must not stop the launch.
    private static Map<String, String> metadata(CreateInstanceRequest request) {
        Map<String, String> metadata = new LinkedHashMap<>(request.metadata().machineMetadata());
        // list() and orphan cleanup trust these tags: make sure they are there whatever machineMetadata() holds.
        metadata.putAll(request.metadata().tags());
        metadata.replaceAll((key, value) -> {
            if (value != null && value.length() > MAX_METADATA_VALUE) {
                LOG.warn("Metadata '{}' of server '{}' cut to {} characters", key, request.name(), MAX_METADATA_VALUE);
                return value.substring(0, MAX_METADATA_VALUE);
            }
            return value;
        });
        // a data mount's value is never cut: a cut path would mount a parent folder (docs/image-contract.md)
        Map<String, String> data = DataMounts.machineMetadata(request.dataMounts());
        data.forEach((key, value) -> {
            if (value.length() > MAX_METADATA_VALUE) {
                DataMount mount = request.dataMounts().get(index(key));
                throw new CloudPermanentException("Data mount " + mount.target() + " does not fit into Nova's "
                        + MAX_METADATA_VALUE + " characters per metadata value (" + (key.startsWith(
                        DataMounts.SECRET_PREFIX) ? "its credential" : "source and options") + " too long)");
            }
        });
        metadata.putAll(data);
        return metadata;
    }

    private static int index(String dataKey) {
        return Integer.parseInt(dataKey.substring(dataKey.lastIndexOf('-') + 1));
    }

    @Override
    public Optional<CloudInstance> get(String computeId) {
        Server server = session.call("read server " + computeId, os -> os.compute().servers().get(computeId));
        return Optional.ofNullable(server).map(this::toInstance);
    }

    @Override
    public List<CloudInstance> list() {
        List<CloudInstance> ours = new ArrayList<>();
        String marker = null;
        List<? extends Server> page;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("limit", String.valueOf(PAGE_SIZE));
            if (marker != null) {
                query.put("marker", marker);
            }
            page = session.call("list servers", os -> os.compute().servers().list(query));
            for (Server server : page) {
                if (server.getMetadata() != null && deploymentId.equals(server.getMetadata().get(Tags.DEPLOYMENT))) {
                    ours.add(toInstance(server));
                }
            }
            marker = page.isEmpty() ? null : page.get(page.size() - 1).getId();
        } while (page.size() >= PAGE_SIZE);
        return ours;
    }

    /**
     * One filtered query: Nova's {@code name} filter (a regular expression match) on the uid, which the portal puts
     * into every server's name, then the exact tags, so a look-up after a lost answer never lists the project.
     */
    @Override
    public Optional<CloudInstance> findByInstanceUid(String instanceUid) {
        if (!instanceUid.matches("[A-Za-z0-9-]+")) {
            return Compute.super.findByInstanceUid(instanceUid);
        }
        List<? extends Server> named = session.call("find the server of instance " + instanceUid,
                os -> os.compute().servers().list(Map.of("name", instanceUid)));
        return named.stream().filter(server -> server.getMetadata() != null
                        && deploymentId.equals(server.getMetadata().get(Tags.DEPLOYMENT))
                        && instanceUid.equals(server.getMetadata().get(Tags.INSTANCE)))
                .findFirst().map(this::toInstance);
    }

    private CloudInstance toInstance(Server server) {
        CloudInstance instance = NovaServers.toInstance(server);
        return floatingIps == null ? instance : floatingIps.ensure(server, instance);
    }

    @Override
    public void start(String computeId) {
        transition("start server " + computeId, computeId, CloudState.RUNNING,
                os -> os.compute().servers().action(computeId, Action.START));
    }

    @Override
    public void stop(String computeId) {
        transition("stop server " + computeId, computeId, CloudState.STOPPED,
                os -> os.compute().servers().action(computeId, Action.STOP));
    }

    @Override
    public void reboot(String computeId) {
        session.call("reboot server " + computeId,
                os -> OpenStackSession.check(os.compute().servers().reboot(computeId, RebootType.SOFT)));
    }

    @Override
    public void delete(String computeId) {
        if (floatingIps != null) {
            floatingIps.release(computeId);
        }
        session.call("delete server " + computeId, os -> {
            ActionResponse response = os.compute().servers().delete(computeId);
            return response.getCode() == 404 ? response : OpenStackSession.check(response);
        });
    }

    // Nova answers 409 to starting a running server or stopping a stopped one; the portal asked for that state anyway.
    private void transition(String action, String computeId, CloudState target,
                            Function<OSClientV3, ActionResponse> call) {
        try {
            session.call(action, os -> OpenStackSession.check(call.apply(os)));
        } catch (CloudPermanentException conflict) {
            if (conflict.getCause() instanceof ResponseException response && response.getStatus() == 409
                    && get(computeId).map(CloudInstance::state).orElse(null) == target) {
                LOG.debug("Server {} is already {}: nothing to do", computeId, target);
                return;
            }
            throw conflict;
        }
    }
}
