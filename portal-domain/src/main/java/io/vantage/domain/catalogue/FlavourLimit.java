package io.vantage.domain.catalogue;

import java.util.Collection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "flavour_limits")
public class FlavourLimit {

    public enum Target { ROLE, INSTRUMENT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "flavour_id")
    private Flavour flavour;

    @Enumerated(EnumType.STRING)
    @Column(name = "object_type")
    private Target target;
    private Long roleId;
    private String instrumentId;

    protected FlavourLimit() {
    }

    static FlavourLimit forRole(Flavour flavour, Long roleId) {
        FlavourLimit limit = new FlavourLimit();
        limit.flavour = flavour;
        limit.target = Target.ROLE;
        limit.roleId = java.util.Objects.requireNonNull(roleId, "roleId");
        return limit;
    }

    static FlavourLimit forInstrument(Flavour flavour, String instrumentId) {
        FlavourLimit limit = new FlavourLimit();
        limit.flavour = flavour;
        limit.target = Target.INSTRUMENT;
        limit.instrumentId = java.util.Objects.requireNonNull(instrumentId, "instrumentId");
        return limit;
    }

    boolean matches(Collection<Long> roleIds, Collection<String> instrumentIds) {
        return target == Target.ROLE ? roleIds.contains(roleId) : instrumentIds.contains(instrumentId);
    }

    public Long getId() {
        return id;
    }

    public Target getTarget() {
        return target;
    }

    public Long getRoleId() {
        return roleId;
    }

    public String getInstrumentId() {
        return instrumentId;
    }
}
