package io.vantage.api.reconcile;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the portal keeps instance states true to the clouds.
 *
 * @param fastInterval   how often instances that are changing (building, starting, stopping...) are checked
 * @param slowInterval   how often all other instances are checked
 * @param probeTimeout   how long to wait for a protocol port (VNC, Jupyter) to accept a connection
 * @param settleTime     how long after a stop/reboot the cloud may still report the old state before the portal
 *                       believes it
 * @param unknownMaxInterval the longest wait between two looks at an instance in UNKNOWN (the wait doubles from
 *                       {@code fastInterval} after each look that leaves it unknown)
 * @param orphanSweep    how often this deployment's machines whose instance is deleted or failed are deleted
 * @param transitionInterval how often instances on their way to running (building, starting, rebooting) are asked
 *                       about; once the cloud says running, their ports are probed with a short backoff
 *                       ({@link Arrivals})
 */
@ConfigurationProperties("vantage.reconcile")
public record ReconcileProperties(@DefaultValue("2s") Duration fastInterval,
                                  @DefaultValue("30s") Duration slowInterval,
                                  @DefaultValue("1s") Duration probeTimeout,
                                  @DefaultValue("2m") Duration settleTime,
                                  @DefaultValue("5m") Duration unknownMaxInterval,
                                  @DefaultValue("5m") Duration orphanSweep,
                                  @DefaultValue("true") boolean enabled,
                                  @DefaultValue("500ms") Duration transitionInterval) {
}
