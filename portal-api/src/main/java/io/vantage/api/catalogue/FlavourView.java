package io.vantage.api.catalogue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.vantage.domain.catalogue.Flavour;
import io.vantage.domain.catalogue.FlavourLimit;

/** A flavour with its limits; no limits means everyone may use it. */
public record FlavourView(Long id, String name, int cpu, int memoryMib, int gpu, Long providerId, String providerName,
                   String providerFlavourId, boolean deleted, List<Limit> limits,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String warning) {

    public record Limit(Long id, String target, String roleName, String instrumentId) {
    }

    /** Call inside a transaction: the provider loads lazily. */
    static FlavourView of(Flavour flavour, Map<Long, String> roleNames, String warning) {
        List<Limit> limits = flavour.getLimits().stream().sorted(Comparator.comparing(FlavourLimit::getId,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .map(l -> new Limit(l.getId(), l.getTarget().name(),
                        l.getRoleId() == null ? null : roleNames.get(l.getRoleId()), l.getInstrumentId()))
                .toList();
        return new FlavourView(flavour.getId(), flavour.getName(), flavour.getCpu(), flavour.getMemoryMib(),
                flavour.getGpu(), flavour.getProvider().getId(), flavour.getProvider().getName(),
                flavour.getProviderFlavourId(), flavour.isDeleted(), limits, warning);
    }
}
