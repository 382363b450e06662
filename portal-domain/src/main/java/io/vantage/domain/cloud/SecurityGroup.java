package io.vantage.domain.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/** A cloud security group the portal attaches to instances, for everyone or by rule. */
@Entity
@Table(name = "security_groups")
public class SecurityGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "provider_id")
    private CloudProviderRecord provider;

    private boolean defaultForAll;

    @OneToMany(mappedBy = "securityGroup", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<SecurityGroupRule> rules = new ArrayList<>();

    protected SecurityGroup() {
    }

    public SecurityGroup(String name, CloudProviderRecord provider, boolean defaultForAll) {
        this.name = name;
        this.provider = provider;
        this.defaultForAll = defaultForAll;
    }

    public SecurityGroupRule addRule(RuleTarget target, Long roleId, String instrumentId, Long flavourId) {
        if (hasRule(target, roleId, instrumentId, flavourId)) {
            throw new IllegalArgumentException("Security group '" + name + "' already has this " + target + " rule");
        }
        SecurityGroupRule rule = new SecurityGroupRule(this, target, roleId, instrumentId, flavourId);
        rules.add(rule);
        return rule;
    }

    public boolean hasRule(RuleTarget target, Long roleId, String instrumentId, Long flavourId) {
        return rules.stream().anyMatch(rule -> rule.getTarget() == target && Objects.equals(rule.getRoleId(), roleId)
                && Objects.equals(rule.getInstrumentId(), instrumentId) && Objects.equals(rule.getFlavourId(), flavourId));
    }

    /** A group for all instances needs no rules; its rules are kept and apply again once this is switched off. */
    public void applyToAll(boolean newDefaultForAll) {
        this.defaultForAll = newDefaultForAll;
    }

    public boolean removeRule(Long ruleId) {
        return rules.removeIf(rule -> rule.getId() != null && rule.getId().equals(ruleId));
    }

    /** Whether instances launched with these attributes get this group. */
    public boolean appliesTo(java.util.Collection<Long> roleIds, java.util.Collection<String> instrumentIds,
                             Long flavourId) {
        return defaultForAll || rules.stream().anyMatch(rule -> rule.matches(roleIds, instrumentIds, flavourId));
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public CloudProviderRecord getProvider() {
        return provider;
    }

    public boolean isDefaultForAll() {
        return defaultForAll;
    }

    public List<SecurityGroupRule> getRules() {
        return List.copyOf(rules);
    }
}
