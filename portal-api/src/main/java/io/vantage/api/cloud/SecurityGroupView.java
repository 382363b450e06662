package io.vantage.api.cloud;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.vantage.domain.cloud.SecurityGroup;
import io.vantage.domain.cloud.SecurityGroupRule;

/** A security group and the rules that attach it; {@code defaultForAll} attaches it to every instance. */
public record SecurityGroupView(Long id, String name, Long providerId, String providerName, boolean defaultForAll,
                         List<Rule> rules, @JsonInclude(JsonInclude.Include.NON_NULL) String warning) {

    public record Rule(Long id, String target, String roleName, String instrumentId, Long flavourId) {
    }

    /** Call inside a transaction: provider and rules load lazily. */
    static SecurityGroupView of(SecurityGroup group, Map<Long, String> roleNames, String warning) {
        List<Rule> rules = group.getRules().stream()
                .sorted(Comparator.comparing(SecurityGroupRule::getId, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(r -> new Rule(r.getId(), r.getTarget().name(),
                        r.getRoleId() == null ? null : roleNames.get(r.getRoleId()), r.getInstrumentId(),
                        r.getFlavourId()))
                .toList();
        return new SecurityGroupView(group.getId(), group.getName(), group.getProvider().getId(),
                group.getProvider().getName(), group.isDefaultForAll(), rules, warning);
    }
}
