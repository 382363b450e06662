package io.vantage.api.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole portal on a random port with its embedded defaults (fresh embedded PostgreSQL, embedded OIDC, demo
 * data) and the local provider working in a temporary folder. Test classes sharing this annotation share one
 * running portal.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vantage.database.embedded.ephemeral=true",
        "vantage.cloud.providers.local.type=local",
        "vantage.cloud.providers.local.settings.work-dir=${java.io.tmpdir}/vantage-tests-${PID}/local",
        "vantage.data.demo-root=${java.io.tmpdir}/vantage-tests-${PID}/data",
        "vantage.reconcile.fast-interval=500ms",
        "vantage.commands.poll-interval=200ms",
        // recipes from bare repositories the tests make on this host (RecipeNotebookTest)
        "vantage.recipes.allow-file-urls=true",
        "vantage.transfer.max-upload-size=60MB"})
public @interface PortalTest {
}
