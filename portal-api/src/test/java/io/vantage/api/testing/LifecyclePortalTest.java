package io.vantage.api.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole portal for sharing and lifecycle tests, with no cloud work behind it: command workers and the
 * reconciler are off, so launched instances stay BUILDING and a deletion stays DELETING where tests can see it.
 * Mail goes to GreenMail ({@link TestMail}); time is a {@link MutableClock} bean; the expiry job does not run by
 * itself (tests run sweeps), and quotas are high so many test instances fit. Test classes with this annotation
 * share one running portal.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vantage.database.embedded.ephemeral=true",
        "vantage.cloud.providers.local.type=local",
        "vantage.cloud.providers.local.settings.work-dir=${java.io.tmpdir}/vantage-tests-${PID}/local-${random.uuid}",
        "vantage.commands.enabled=false",
        "vantage.reconcile.enabled=false",
        "vantage.expiry.interval=1h",
        "vantage.expiry.initial-delay=1h",
        "vantage.lifecycle.defaults.instances=500",
        "vantage.lifecycle.defaults.vcpu=5000",
        "vantage.lifecycle.defaults.memory-mib=100000000",
        "vantage.lifecycle.roles.STAFF.inactivity=10d",
        "vantage.lifecycle.roles.STAFF.lifetime=60d",
        "vantage.public-url=https://vantage.test/portal/",
        "vantage.mail.from=Vantage <vantage@vantage.test>"})
@ContextConfiguration(initializers = LifecyclePortalTest.Initializer.class)
public @interface LifecyclePortalTest {

    /** Points the portal at the shared GreenMail and installs the test clock before any bean is made. */
    class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.mail.host=127.0.0.1",
                    "spring.mail.port=" + TestMail.server().getSmtp().getPort()).applyTo(context);
            context.getBeanFactory().registerSingleton("testClock", new MutableClock());
        }
    }
}
