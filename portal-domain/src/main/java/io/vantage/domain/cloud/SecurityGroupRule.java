package io.vantage.domain.cloud;

import java.util.Collection;
import java.util.Objects;

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
@Table(name = "security_group_rules")
public class SecurityGroupRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "security_group_id")
    private SecurityGroup securityGroup;

    @Enumerated(EnumType.STRING)
    @Column(name = "object_type")
    private RuleTarget target;
    private Long roleId;
    private String instrumentId;
    private Long flavourId;

    protected SecurityGroupRule() {
    }

    SecurityGroupRule(SecurityGroup securityGroup, RuleTarget target, Long roleId, String instrumentId, Long flavourId) {
        boolean valid = switch (target) {
            case ROLE -> roleId != null && instrumentId == null && flavourId == null;
            case INSTRUMENT -> instrumentId != null && roleId == null && flavourId == null;
            case FLAVOUR -> flavourId != null && roleId == null && instrumentId == null;
        };
        if (!valid) {
            throw new IllegalArgumentException("A " + target + " rule names exactly one " + target.name().toLowerCase());
        }
        this.securityGroup = securityGroup;
        this.target = target;
        this.roleId = roleId;
        this.instrumentId = instrumentId;
        this.flavourId = flavourId;
    }

    boolean matches(Collection<Long> roleIds, Collection<String> instrumentIds, Long flavour) {
        return switch (target) {
            case ROLE -> roleIds.contains(roleId);
            case INSTRUMENT -> instrumentIds.contains(instrumentId);
            case FLAVOUR -> Objects.equals(flavourId, flavour);
        };
    }

    public Long getId() {
        return id;
    }

    public RuleTarget getTarget() {
        return target;
    }

    public Long getRoleId() {
        return roleId;
    }

    public String getInstrumentId() {
        return instrumentId;
    }

    public Long getFlavourId() {
        return flavourId;
    }
}
