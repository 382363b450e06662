package io.vantage.api.cloud;

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
 * command to run. Launches before that fail with the same instruction.
 */
@Component
class LocalPackagesCheck {

    private static final Logger log = LoggerFactory.getLogger(LocalPackagesCheck.class);

    private final JdbcTemplate jdbc;
    private final boolean install;

    LocalPackagesCheck(JdbcTemplate jdbc, @Value("${vantage.cloud.local.install-packages:true}") boolean install) {
        this.jdbc = jdbc;
        this.install = install;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        Integer local = jdbc.queryForObject("select count(*) from cloud_providers where type = 'LOCAL' and enabled",
                Integer.class);
        if (local == null || local == 0) {
            return;
        }
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
