package io.vantage.api.tunnel;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.api.tunnel.vnc.VncScreenshot;
import io.vantage.domain.catalogue.ProtocolKind;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;

/**
 * Small pictures of running desktops for the dashboard, taken at most every {@link #MAX_AGE} per instance, for
 * people who may watch the desktop (members and admins); support staff who only see the instance get none.
 */
@Service
public class Thumbnails {

    static final Duration MAX_AGE = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);

    private record Picture(byte[] png, Instant takenAt) {
    }

    private final InstanceRepository instances;
    private final AccessPolicy access;
    private final TunnelTargets targets;
    private final TunnelProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<Long, Picture> pictures = new ConcurrentHashMap<>();

    Thumbnails(InstanceRepository instances, AccessPolicy access, TunnelTargets targets, TunnelProperties properties,
               TransactionTemplate tx, Clock clock) {
        this.instances = instances;
        this.access = access;
        this.targets = targets;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    /** A PNG of the desktop, or empty when it has none or it cannot be reached now. */
    public Optional<byte[]> of(CurrentUser user, String uid) {
        Long id = visibleDesktop(user, uid);
        if (id == null) {
            return Optional.empty();
        }
        Picture cached = pictures.get(id);
        if (cached != null && cached.takenAt().plus(MAX_AGE).isAfter(clock.instant())) {
            return Optional.of(cached.png());
        }
        Optional<TunnelTargets.Target> located;
        try {
            located = targets.resolve(id, ProtocolKind.VNC);
        } catch (TunnelTargets.CloudNotAnswering e) {
            return Optional.ofNullable(cached).map(Picture::png); // an older picture, or none, but no wait
        }
        return located.flatMap(target -> {
            try {
                byte[] png = VncScreenshot.png(target.endpoint(), target.secret(), 320,
                        (int) properties.connectTimeout().toMillis());
                pictures.put(id, new Picture(png, clock.instant()));
                return Optional.of(png);
            } catch (IOException e) {
                log.debug("No thumbnail for instance {}: {}", uid, e.getMessage());
                return Optional.ofNullable(cached).map(Picture::png);
            }
        });
    }

    /** In a transaction of its own (a call from this class would bypass a {@code @Transactional} proxy). */
    private Long visibleDesktop(CurrentUser user, String uid) {
        return tx.execute(status -> {
            Instance instance = instances.findByUid(uid).orElseThrow(() -> new NotFoundException("instance", uid));
            access.requireConnect(user, instance);
            boolean desktop = instance.getPlan().getImage().protocol(ProtocolKind.VNC).isPresent();
            return desktop && instance.getState().isRunning() ? instance.getId() : null;
        });
    }
}
