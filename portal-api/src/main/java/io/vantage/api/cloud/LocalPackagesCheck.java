package io.vantage.api.cloud;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.vantage.cloud.local.LocalPackages;

/**
 * A portal with the local provider needs Xvfb, x11vnc, openbox and Jupyter from Debian. On a fresh machine they are
 * installed in the background when the portal may (root or password-less sudo); otherwise the log says the one
 * command to run. Launches before that fail with the same instruction. The local providers are built at startup too,
 * so their warning about instances that cannot get users of their own (a portal that is not root) is seen at once.
 */
@Component
class LocalPackagesCheck {

    private static final Logger log = LoggerFactory.getLogger(LocalPackagesCheck.class);

    private final JdbcTemplate jdbc;
    private final ProviderRegistry registry;
    private final boolean install;

    LocalPackagesCheck(JdbcTemplate jdbc, ProviderRegistry registry,
                       @Value("${vantage.cloud.local.install-packages:true}") boolean install) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.install = install;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        List<Long> local = jdbc.queryForList("select id from cloud_providers where type = 'LOCAL' and enabled",
                Long.class);
        if (local.isEmpty()) {
            return;
        }
        // built now rather than at the first launch: a local provider says at startup whether its instances get
        // users of their own, and what is weaker when they cannot
        local.forEach(registry::find);
        LocalPackages packages = LocalPackages.onPath();
        if (packages.missing().isEmpty()) {
            return;
        }
        if (!install) {
            log.warn("Local desktops and notebooks need: {}", LocalPackages.installCommand(packages.missing()));
            return;
        }
        Thread thread = new Thread(() -> packages.installIfPossible().ifPresent(command ->
                log.warn("Local desktops and notebooks will not start until you run: {}", command)),
                "local-packages-install");
        thread.setDaemon(true);
        thread.start();
    }
}
