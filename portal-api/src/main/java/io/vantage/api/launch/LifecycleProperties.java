package io.vantage.api.launch;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.vantage.domain.user.Quota;

/**
 * How long instances live and how much people may run. Roles without an entry (and without a policy set by an
 * admin in the database) get {@code defaults}; someone holding several roles gets the most generous of each value.
 */
@ConfigurationProperties("vantage.lifecycle")
public record LifecycleProperties(@DefaultValue Policy defaults,
                                  @DefaultValue Map<String, Policy> roles,
                                  @DefaultValue("48h") Duration lifetimeWarning,
                                  @DefaultValue("24h") Duration inactivityWarning,
                                  @DefaultValue("30d") Duration maxExtension) {

    /**
     * @param lifetime   how long an instance lives at most
     * @param inactivity how long an instance may go without user input before it is deleted
     */
    public record Policy(@DefaultValue("14d") Duration lifetime,
                         @DefaultValue("4d") Duration inactivity,
                         @DefaultValue("2") int instances,
                         @DefaultValue("8") int vcpu,
                         @DefaultValue("32768") int memoryMib,
                         @DefaultValue("0") int gpu) {

        public Quota quota() {
            return new Quota(instances, vcpu, memoryMib, gpu);
        }
    }
}
