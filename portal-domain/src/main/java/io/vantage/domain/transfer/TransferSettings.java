package io.vantage.domain.transfer;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An instance's file-transfer choices by its owner: whether GUEST members may download (never upload). */
@Entity
@Table(name = "instance_transfer_settings")
public class TransferSettings {

    @Id
    private Long instanceId;
    private boolean guestsMayDownload;
    private String changedBy;
    private Instant changedAt;

    protected TransferSettings() {
    }

    public TransferSettings(Long instanceId) {
        this.instanceId = Objects.requireNonNull(instanceId);
        this.changedAt = Instant.EPOCH;
    }

    public void letGuestsDownload(boolean allowed, String by, Instant at) {
        this.guestsMayDownload = allowed;
        this.changedBy = by;
        this.changedAt = at;
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public boolean guestsMayDownload() {
        return guestsMayDownload;
    }
}
