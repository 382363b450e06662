package io.vantage.domain.cloud;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A configured cloud. Settings are the provider's typed settings as JSON; those from the configuration file are
 * copied here at startup so images and instances can refer to them. The type is the name of a provider plugin
 * (e.g. {@code openstack}); which types exist is up to the plugins installed, not to the domain.
 */
@Entity
@Table(name = "cloud_providers")
public class CloudProviderRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String type;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String settings;
    private boolean enabled;
    private Instant createdAt;
    private Instant updatedAt;

    private static final String TYPE = "[a-z][a-z0-9-]{0,63}";

    protected CloudProviderRecord() {
    }

    public CloudProviderRecord(String name, String type, String settingsJson) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("A provider name is lower-case letters, digits and dashes, got: " + name);
        }
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).matches(TYPE)) {
            throw new IllegalArgumentException("A provider type is a plugin's name (lower-case letters, digits and "
                    + "dashes), got: " + type);
        }
        this.name = name;
        this.type = type.toLowerCase(java.util.Locale.ROOT);
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

    /** The plugin's type name, lower-case (rows written by hand or by older scripts may say {@code LOCAL}). */
    public String getType() {
        return type == null ? null : type.toLowerCase(java.util.Locale.ROOT);
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
