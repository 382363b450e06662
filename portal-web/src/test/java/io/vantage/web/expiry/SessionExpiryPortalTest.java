package io.vantage.web.expiry;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import io.vantage.api.testing.LifecyclePortalTest;

/**
 * The whole portal with real desktops and notebooks (local provider, command workers and reconciler on), for what
 * a person sees of expiry in Chromium. Time is a {@link io.vantage.api.testing.MutableClock} and the expiry sweep and
 * deletion e-mails run only when tests call them, so a test decides when a warning window opens or a deadline
 * passes and never waits for one; mail goes to GreenMail. Test classes with this annotation share one portal.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vantage.database.embedded.ephemeral=true",
        "vantage.cloud.providers.local.type=local",
        "vantage.cloud.providers.local.settings.work-dir=${java.io.tmpdir}/vantage-tests-${PID}/local-expiry",
        "vantage.reconcile.fast-interval=500ms",
        "vantage.commands.poll-interval=200ms",
        "vantage.expiry.interval=1h",
        "vantage.expiry.initial-delay=1h",
        "vantage.expiry.notice-interval=1h",
        "vantage.tunnel.activity-flush=1h",
        // notebook cookies outlive the days these tests' clock jumps: what is tested is what counts as use
        "vantage.notebooks.idle-timeout=30d",
        "vantage.notebooks.max-age=30d",
        // and so do browser sessions: a notebook cookie counts only while the portal session it came from has not
        // timed out by the portal's clock, which these tests move days ahead
        "server.servlet.session.timeout=30d",
        "vantage.lifecycle.defaults.instances=20",
        "vantage.lifecycle.defaults.vcpu=100",
        // on localhost the portal's origin (what notebooks may be framed by) is the port it really listens on, so the
        // notebook frames of the pages Chromium opens load; links in e-mails start with INSTANCE_LINKS
        "vantage.public-url=http://localhost/portal/",
        "vantage.mail.from=Vantage <vantage@vantage.test>"})
@ContextConfiguration(initializers = LifecyclePortalTest.Initializer.class)
public @interface SessionExpiryPortalTest {

    /** What links to an instance's page in e-mails start with, followed by its uid. */
    String INSTANCE_LINKS = "http://localhost/portal/instances/";
}
