package io.vantage.domain.cloud;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A configured cloud. Settings are the provider's typed settings as JSON; those from the configuration file are
 * copied here at startup so images and instances can refer to them.
 */
@Entity
@Table(name = "cloud_providers")
public class CloudProviderRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Enumerated(EnumType.STRING)
    private ProviderType type;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String settings;
    private boolean enabled;
    private Instant createdAt;
    private Instant updatedAt;

    protected CloudProviderRecord() {
    }

    public CloudProviderRecord(String name, ProviderType type, String settingsJson) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("A provider name is lower-case letters, digits and dashes, got: " + name);
        }
        this.name = name;
        this.type = type;
        this.settings = settingsJson == null ? "{}" : settingsJson;
        this.enabled = true;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public void updateSettings(String settingsJson) {
        this.settings = settingsJson;
        this.updatedAt = Instant.now();
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        this.updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public ProviderType getType() {
        return type;
    }

    public String getSettings() {
        return settings;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
