package io.vantage.domain.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import io.vantage.domain.cloud.CloudProviderRecord;

/** A machine size. Limits, when present, reserve it for some roles or instruments. */
@Entity
@Table(name = "flavours")
public class Flavour {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private int cpu;
    @Column(name = "memory_mib")
    private int memoryMib;
    private int gpu;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "provider_id")
    private CloudProviderRecord provider;

    private String providerFlavourId;
    private boolean deleted;
    private Instant createdAt;
    private Instant updatedAt;

    @OneToMany(mappedBy = "flavour", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    private List<FlavourLimit> limits = new ArrayList<>();

    protected Flavour() {
    }

    public Flavour(String name, int cpu, int memoryMib, int gpu, CloudProviderRecord provider, String providerFlavourId) {
        resize(name, cpu, memoryMib, gpu);
        this.provider = provider;
        this.providerFlavourId = providerFlavourId;
        this.createdAt = Instant.now();
    }

    public void resize(String newName, int newCpu, int newMemoryMib, int newGpu) {
        if (newCpu < 1 || newMemoryMib < 1 || newGpu < 0) {
            throw new IllegalArgumentException("A flavour needs at least 1 CPU and 1 MiB of memory, and no negative GPUs");
        }
        this.name = newName;
        this.cpu = newCpu;
        this.memoryMib = newMemoryMib;
        this.gpu = newGpu;
        this.updatedAt = Instant.now();
    }

    public FlavourLimit limitToRole(Long roleId) {
        if (isLimitedToRole(roleId)) {
            throw new IllegalArgumentException("Flavour '" + name + "' is already limited to role " + roleId);
        }
        FlavourLimit limit = FlavourLimit.forRole(this, roleId);
        limits.add(limit);
        return limit;
    }

    public FlavourLimit limitToInstrument(String instrumentId) {
        if (isLimitedToInstrument(instrumentId)) {
            throw new IllegalArgumentException("Flavour '" + name + "' is already limited to instrument " + instrumentId);
        }
        FlavourLimit limit = FlavourLimit.forInstrument(this, instrumentId);
        limits.add(limit);
        return limit;
    }

    public boolean isLimitedToRole(Long roleId) {
        return limits.stream().anyMatch(l -> l.getTarget() == FlavourLimit.Target.ROLE && roleId.equals(l.getRoleId()));
    }

    public boolean isLimitedToInstrument(String instrumentId) {
        return limits.stream().anyMatch(l -> l.getTarget() == FlavourLimit.Target.INSTRUMENT
                && instrumentId.equals(l.getInstrumentId()));
    }

    public boolean removeLimit(Long limitId) {
        return limits.removeIf(limit -> limit.getId() != null && limit.getId().equals(limitId));
    }

    /**
     * Whether a user holding these roles, launching for experiments on these instruments, may use this flavour:
     * yes when there are no limits, otherwise when one limit matches.
     */
    public boolean isAvailableTo(Collection<Long> roleIds, Collection<String> instrumentIds) {
        return limits.isEmpty() || limits.stream().anyMatch(limit -> limit.matches(roleIds, instrumentIds));
    }

    public void delete() {
        this.deleted = true;
        this.updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getCpu() {
        return cpu;
    }

    public int getMemoryMib() {
        return memoryMib;
    }

    public int getGpu() {
        return gpu;
    }

    public CloudProviderRecord getProvider() {
        return provider;
    }

    public String getProviderFlavourId() {
        return providerFlavourId;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public List<FlavourLimit> getLimits() {
        return List.copyOf(limits);
    }
}
