package io.vantage.api.expiry;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.vantage.api.launch.LifecycleProperties;
import io.vantage.domain.expiry.WarningLeadRepository;
import io.vantage.domain.instance.ExpirationReason;
import io.vantage.domain.instance.Instance;

/**
 * How long before a planned deletion people are warned: the image's lead if an admin set one (an image whose
 * analyses take long may want more notice), else the longest one set for the owner's roles, else
 * {@code vantage.lifecycle.lifetime-warning} / {@code inactivity-warning}.
 */
@Component
class WarningLeads {

    private final WarningLeadRepository leads;
    private final LifecycleProperties lifecycle;

    WarningLeads(WarningLeadRepository leads, LifecycleProperties lifecycle) {
        this.leads = leads;
        this.lifecycle = lifecycle;
    }

    /**
     * An inactivity lead as long as the inactivity limit itself would warn every instance the moment it is left
     * alone (and "I'm still here" could never clear it): such a lead counts as half the limit.
     */
    Duration lead(Instance instance, Collection<String> ownerRoles, ExpirationReason reason, Duration inactivity) {
        Optional<Duration> lead = leads.findByImageId(instance.getPlan().getImage().getId()).flatMap(l -> l.lead(reason));
        if (lead.isEmpty() && !ownerRoles.isEmpty()) {
            lead = leads.findByRoleNames(ownerRoles).stream().map(l -> l.lead(reason)).flatMap(Optional::stream)
                    .max(Comparator.naturalOrder());
        }
        Duration applied = lead.orElseGet(() -> configured(reason));
        return reason == ExpirationReason.INACTIVITY && applied.compareTo(inactivity) >= 0
                ? inactivity.dividedBy(2) : applied;
    }

    Duration configured(ExpirationReason reason) {
        return reason == ExpirationReason.LIFETIME ? lifecycle.lifetimeWarning() : lifecycle.inactivityWarning();
    }
}
