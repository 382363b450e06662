package io.vantage.domain.data;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Where experiment data lives and how machines reach it: a root, the rules naming an experiment's raw folder and a
 * proposal's area under it, and the access (kind, server, options, credential). Applies to one instrument and/or
 * one cloud, or to all of them; {@link DataLocations} picks the most specific enabled store.
 */
@Entity
@Table(name = "data_stores")
public class DataStore {

    /** What the admin gives; checked by {@link #update}. */
    public record Definition(String name, String description, String instrumentId, Long providerId, DataStoreKind kind,
                             String server, String rootPath, String rawRule, String processedRule, String mountOptions,
                             boolean enabled) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String description;
    private String instrumentId;
    private Long providerId;
    @Enumerated(EnumType.STRING)
    private DataStoreKind kind;
    private String server;
    private String rootPath;
    private String rawRule;
    private String processedRule;
    private String mountOptions;
    private String secret;
    private boolean enabled;
    private Instant createdAt;
    private Instant updatedAt;

    protected DataStore() {
    }

    public DataStore(Definition definition, String secret, Instant now) {
        this.createdAt = now;
        update(definition, now);
        this.secret = secret;
    }

    /** @throws DataStoreException naming the field that is wrong */
    public void update(Definition d, Instant now) {
        String root;
        try {
            root = PathRule.normaliseRoot(require("rootPath", d.rootPath()));
        } catch (IllegalArgumentException e) {
            throw new DataStoreException("rootPath", e.getMessage());
        }
        if (d.kind() == null) {
            throw new DataStoreException("kind", "choose how machines reach the data");
        }
        String server = blankToNull(d.server());
        if (d.kind().needsServer() && server == null) {
            throw new DataStoreException("server", switch (d.kind()) {
                case NFS, DCACHE_NFS41 -> "give the NFS server's host name";
                case CEPHFS -> "give the Ceph monitors (mon1,mon2)";
                case KUBERNETES_CLAIM -> "give the PersistentVolumeClaim's name";
                default -> "give the CSI driver's name";
            });
        }
        if (server != null && (server.contains(":") || server.contains("/") || server.chars().anyMatch(Character::isWhitespace))) {
            throw new DataStoreException("server", "a host, monitor list, claim or driver name without ':', '/' or spaces");
        }
        String rawRule = require("rawRule", d.rawRule());
        check("rawRule", PathRule.problem(rawRule, PathRule.RAW_PLACEHOLDERS));
        String processedRule = blankToNull(d.processedRule());
        if (processedRule != null) {
            check("processedRule", PathRule.problem(processedRule, PathRule.PROCESSED_PLACEHOLDERS));
        }
        String options = blankToNull(d.mountOptions());
        if (options != null && !options.matches("[A-Za-z0-9_.=,/:@+-]+")) {
            throw new DataStoreException("mountOptions", "comma-separated options (name or name=value) without spaces");
        }
        this.name = require("name", d.name());
        this.description = blankToNull(d.description());
        this.instrumentId = blankToNull(d.instrumentId());
        this.providerId = d.providerId();
        this.kind = d.kind();
        this.server = server;
        this.rootPath = root;
        this.rawRule = rawRule.strip();
        this.processedRule = processedRule;
        this.mountOptions = options;
        this.enabled = d.enabled();
        this.updatedAt = now;
    }

    /** A new credential, or none when null or blank. */
    public void setSecret(String newSecret, Instant now) {
        this.secret = blankToNull(newSecret);
        this.updatedAt = now;
    }

    /** The experiment's raw folder by the rule. */
    public String rawFolder(Map<String, String> values) {
        return PathRule.expand(rootPath, rawRule, values);
    }

    private static void check(String field, String problem) {
        if (problem != null) {
            throw new DataStoreException(field, problem);
        }
    }

    private static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new DataStoreException(field, "must not be empty");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getInstrumentId() {
        return instrumentId;
    }

    public Long getProviderId() {
        return providerId;
    }

    public DataStoreKind getKind() {
        return kind;
    }

    public String getServer() {
        return server;
    }

    public String getRootPath() {
        return rootPath;
    }

    public String getRawRule() {
        return rawRule;
    }

    public String getProcessedRule() {
        return processedRule;
    }

    public String getMountOptions() {
        return mountOptions;
    }

    public String getSecret() {
        return secret;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
