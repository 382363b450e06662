package io.vantage.domain.catalogue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.vantage.domain.cloud.CloudProviderRecord;

/** A prepared analysis environment (a Packer-built VM image, a container image, a local desktop recipe). */
@Entity
@Table(name = "images")
public class Image {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String version;
    private String description;
    private String icon;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "provider_id")
    private CloudProviderRecord provider;

    private String providerImageId;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "default_protocol_id")
    private Protocol defaultProtocol;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "image_protocols", joinColumns = @JoinColumn(name = "image_id"),
            inverseJoinColumns = @JoinColumn(name = "protocol_id"))
    private Set<Protocol> protocols = new HashSet<>();

    private String bootScript;
    @Enumerated(EnumType.STRING)
    private ExtensionPolicy extensionPolicy = ExtensionPolicy.STAFF_AUTO;
    private boolean visible = true;
    private boolean deleted;
    private Instant createdAt;
    private Instant updatedAt;

    protected Image() {
    }

    public Image(String name, String version, CloudProviderRecord provider, String providerImageId,
                 Set<Protocol> protocols, Protocol defaultProtocol) {
        this.name = name;
        this.version = version;
        this.provider = provider;
        this.providerImageId = providerImageId;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
        changeProtocols(protocols, defaultProtocol);
    }

    public void changeProtocols(Set<Protocol> newProtocols, Protocol newDefault) {
        if (newProtocols == null || newProtocols.isEmpty()) {
            throw new IllegalArgumentException("An image offers at least one protocol");
        }
        if (newDefault != null && newProtocols.stream().noneMatch(p -> p.getId().equals(newDefault.getId()))) {
            throw new IllegalArgumentException("The default protocol must be one of the image's protocols");
        }
        this.protocols = new HashSet<>(newProtocols);
        this.defaultProtocol = newDefault;
        this.updatedAt = Instant.now();
    }

    public void describe(String newName, String newVersion, String newDescription, String newIcon) {
        this.name = newName;
        this.version = newVersion;
        this.description = newDescription;
        this.icon = newIcon;
        this.updatedAt = Instant.now();
    }

    public void configure(String newBootScript, ExtensionPolicy newPolicy, boolean newVisible) {
        this.bootScript = newBootScript;
        this.extensionPolicy = newPolicy;
        this.visible = newVisible;
        this.updatedAt = Instant.now();
    }

    public void delete() {
        this.deleted = true;
        this.visible = false;
        this.updatedAt = Instant.now();
    }

    /** The protocol a user connects with by default: the configured one, else the first desktop protocol. */
    public Optional<Protocol> primaryProtocol() {
        if (defaultProtocol != null) {
            return Optional.of(defaultProtocol);
        }
        return protocols.stream().min((a, b) -> Boolean.compare(!a.getKind().isDesktop(), !b.getKind().isDesktop()));
    }

    public Optional<Protocol> protocol(ProtocolKind kind) {
        return protocols.stream().filter(p -> p.getKind() == kind).findFirst();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getVersion() {
        return version;
    }

    public String getDescription() {
        return description;
    }

    public String getIcon() {
        return icon;
    }

    public CloudProviderRecord getProvider() {
        return provider;
    }

    public String getProviderImageId() {
        return providerImageId;
    }

    public Protocol getDefaultProtocol() {
        return defaultProtocol;
    }

    public Set<Protocol> getProtocols() {
        return Set.copyOf(protocols);
    }

    public String getBootScript() {
        return bootScript;
    }

    public ExtensionPolicy getExtensionPolicy() {
        return extensionPolicy;
    }

    public boolean isVisible() {
        return visible;
    }

    public boolean isDeleted() {
        return deleted;
    }
}
