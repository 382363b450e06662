package io.vantage.api.transfer;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.api.cloud.ProviderUnavailableException;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.api.tunnel.TunnelProperties;
import io.vantage.api.tunnel.TunnelTargets;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.InstanceFiles;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.catalogue.Image;
import io.vantage.domain.catalogue.ProtocolKind;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.transfer.TransferSettings;
import io.vantage.domain.transfer.TransferSettingsRepository;

/**
 * Decides, at every request, whether this person may transfer files with this instance now, and through what: a
 * notebook image's Jupyter (any cloud), else the provider's own file access (local desktops), else the image's own
 * file service (desktop images with the {@code FILES} protocol, any cloud); other desktops are told that their image
 * offers no file transfer.
 */
@Service
@EnableConfigurationProperties(TransferProperties.class)
public class FileTransfer {

    private static final Logger log = LoggerFactory.getLogger(FileTransfer.class);

    /** What a person may do with an instance's files now, and where they are. */
    record Opened(String uid, FileStore store, boolean mayUpload, boolean guestsMayDownload,
                  boolean mayChangeSettings) {
    }

    private record Decided(Long instanceId, Long providerId, String computeId, String providerType, boolean jupyter,
                           boolean fileService, boolean mayUpload, boolean guestsMayDownload,
                           boolean mayChangeSettings) {
    }

    private final InstanceRepository instances;
    private final TransferSettingsRepository settings;
    private final AccessPolicy access;
    private final ProviderRegistry providers;
    private final TunnelTargets targets;
    private final TransferProperties properties;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;
    private final InstanceHttp imageHttp;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    FileTransfer(InstanceRepository instances, TransferSettingsRepository settings, AccessPolicy access,
                 ProviderRegistry providers, TunnelTargets targets, TransferProperties properties,
                 TunnelProperties tunnel, TransactionTemplate tx, AuditLog audit, Clock clock) {
        this.instances = instances;
        this.settings = settings;
        this.access = access;
        this.providers = providers;
        this.targets = targets;
        this.properties = properties;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(tunnel.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.imageHttp = new InstanceHttp(http, "The file service");
    }

    long maxUploadSize() {
        return properties.maxUploadSize().toBytes();
    }

    /** @param upload whether the person wants to write; listing and downloading are reading */
    Opened open(CurrentUser user, String uid, boolean upload) {
        Decided decided = tx.execute(status -> {
            Instance instance = instances.findByUid(uid).orElseThrow(() -> new NotFoundException("instance", uid));
            boolean guests = settings.findById(instance.getId()).map(TransferSettings::guestsMayDownload).orElse(false);
            try {
                access.requireTransfer(user, instance, upload, guests);
            } catch (AccessDeniedException e) {
                audit.denied(user.id(), upload ? "instance.file.upload" : "instance.file.read", "instance", uid,
                        e.getMessage());
                throw e;
            }
            boolean mayUpload = access.connectionRole(user, instance).map(role -> !AccessPolicy.watchesOnly(role))
                    .orElse(false);
            Image image = instance.getPlan().getImage();
            return new Decided(instance.getId(), instance.getProvider().getId(), instance.getComputeId(),
                    instance.getProvider().getType(), image.protocol(ProtocolKind.JUPYTER).isPresent(),
                    image.protocol(ProtocolKind.FILES).isPresent(), mayUpload, guests,
                    access.canManageMembers(user, instance));
        });
        return new Opened(uid, store(uid, decided), decided.mayUpload(), decided.guestsMayDownload(),
                decided.mayChangeSettings());
    }

    /** The owner's switch: whether GUEST members may download. */
    boolean letGuestsDownload(CurrentUser user, String uid, boolean allowed) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Instance instance = instances.findByUid(uid).orElseThrow(() -> new NotFoundException("instance", uid));
            access.requireManageMembers(user, instance);
            TransferSettings current = settings.findById(instance.getId())
                    .orElseGet(() -> new TransferSettings(instance.getId()));
            current.letGuestsDownload(allowed, user.id(), clock.instant());
            settings.save(current);
            audit.success(user.id(), "instance.file.guest-download", "instance", uid, allowed ? "on" : "off");
            return allowed;
        }));
    }

    void uploaded(CurrentUser user, String uid, TransferPath path, long size) {
        audit.success(user.id(), "instance.file.upload", "instance", uid, path + " (" + size + " bytes)");
        log.info("{} uploaded {} bytes to {} of instance {}", user.id(), size, path, uid);
    }

    void downloaded(CurrentUser user, String uid, TransferPath path, long size) {
        audit.success(user.id(), "instance.file.download", "instance", uid, path + " (" + size + " bytes)");
        log.info("{} downloaded {} ({} bytes) of instance {}", user.id(), path, size, uid);
    }

    private FileStore store(String uid, Decided decided) {
        if (decided.computeId() == null) {
            throw notOffered("The instance has no machine yet.");
        }
        if (decided.jupyter()) {
            TunnelTargets.Target target = target(decided, ProtocolKind.JUPYTER, "The notebook cannot be reached now.");
            return new JupyterFileStore(http, json, target.endpoint(), uid, target.secret(),
                    (int) Math.min(Integer.MAX_VALUE / 2, properties.jupyterChunk().toBytes()),
                    properties.jupyterTimeout());
        }
        CloudProvider provider;
        try {
            provider = providers.require(decided.providerId());
        } catch (ProviderUnavailableException e) {
            throw notOffered("The instance's cloud is not available now; try again later.");
        }
        Optional<InstanceFiles> files = provider.files();
        if (files.isPresent()) {
            return new ProviderFileStore(files.get(), decided.computeId());
        }
        if (decided.fileService()) {
            TunnelTargets.Target target = target(decided, ProtocolKind.FILES,
                    "The desktop's file service cannot be reached now.");
            return new ImageFileStore(imageHttp, json, target.endpoint(), target.secret(), properties.filesTimeout());
        }
        throw notOffered("File transfer is not offered for this desktop: its image (on a " + decided.providerType()
                + " cloud) runs no file service. Use a notebook, or the desktop's own tools.");
    }

    private TunnelTargets.Target target(Decided decided, ProtocolKind kind, String unreachable) {
        try {
            return targets.resolve(decided.instanceId(), kind).orElseThrow(() -> notOffered(unreachable));
        } catch (TunnelTargets.CloudNotAnswering e) {
            throw new ConflictException(HttpStatus.SERVICE_UNAVAILABLE, "Cloud not answering", e.getMessage(),
                    Map.of());
        }
    }

    private static ConflictException notOffered(String detail) {
        return new ConflictException(HttpStatus.CONFLICT, "File transfer not available", detail, Map.of());
    }
}
