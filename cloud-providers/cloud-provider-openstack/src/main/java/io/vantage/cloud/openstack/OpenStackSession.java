package io.vantage.cloud.openstack;

import io.vantage.cloud.api.CloudPermanentException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.AuthenticationException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.api.types.Facing;
import org.openstack4j.core.transport.ClientConstants;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.openstack.OSFactory;
import org.openstack4j.openstack.internal.OSClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs openstack4j calls from any thread. openstack4j clients are bound to the thread that made them, so the Keystone
 * token is shared and every call gets a fresh, cheap client for the current thread
 * ({@link OSFactory#clientFromToken}). An expired token (HTTP 401) is renewed once and the call retried once.
 */
final class OpenStackSession {

    private static final Logger LOG = LoggerFactory.getLogger(OpenStackSession.class);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(2);
    // openstack4j's connector renews tokens by itself on a 401, from thread-bound state and with password credentials
    // only; a request carrying this header is treated as an auth request and skipped, leaving renewal to this class.
    private static final Map<String, String> NO_LIBRARY_REAUTH = Map.of(ClientConstants.HEADER_OS4J_AUTH, "vantage");

    private final Keystone keystone;
    private final Config config;
    private final String region;
    private final Clock clock;
    private final Object renewal = new Object();
    private volatile Token token;

    OpenStackSession(Keystone keystone, Config config, String region, Clock clock) {
        this.keystone = keystone;
        this.config = config;
        this.region = region;
        this.clock = clock;
    }

    /** Runs {@code operation}; {@code action} completes "Could not ..." in error messages. */
    <T> T call(String action, Function<OSClientV3, T> operation) {
        Token used = null;
        try {
            used = currentToken();
            return operation.apply(client(used));
        } catch (AuthenticationException expired) {
            LOG.info("OpenStack answered 401 to '{}': renewing the token and trying once more", action);
            return retry(action, operation, used);
        } catch (RuntimeException failure) {
            throw OpenStackErrors.translate(action, failure);
        }
    }

    /** Whether the catalogue of the current token lists a service of this type ("network", "image"). */
    boolean hasService(String type) {
        Token current = call("read the service catalogue", os -> os.getToken());
        return current.getCatalog() != null
                && current.getCatalog().stream().anyMatch(service -> type.equalsIgnoreCase(service.getType()));
    }

    String projectId() {
        Token current = call("read the project", os -> os.getToken());
        return current.getProject() == null ? null : current.getProject().getId();
    }

    void close() {
        keystone.close();
    }

    /** ActionResponse-returning openstack4j calls do not throw: make their failures throw like the others. */
    static ActionResponse check(ActionResponse response) {
        if (response != null && !response.isSuccess()) {
            throw ResponseException.mapException(response.getFault(), response.getCode(), null);
        }
        return response;
    }

    private <T> T retry(String action, Function<OSClientV3, T> operation, Token rejected) {
        try {
            return operation.apply(client(renew(rejected)));
        } catch (AuthenticationException again) {
            throw new CloudPermanentException("Could not " + action + ": OpenStack rejected a freshly issued token too"
                    + " (HTTP 401). Check the user's roles in the project.", again);
        } catch (RuntimeException failure) {
            throw OpenStackErrors.translate(action, failure);
        }
    }

    private Token currentToken() {
        Token current = token;
        if (current != null && !expiresSoon(current)) {
            return current;
        }
        return renew(current);
    }

    // Threads that saw the same stale token wait here; only the first one goes to Keystone.
    private Token renew(Token stale) {
        synchronized (renewal) {
            Token current = token;
            if (current != null && current != stale && !expiresSoon(current)) {
                return current;
            }
            Token fresh = keystone.authenticate();
            token = fresh;
            return fresh;
        }
    }

    private boolean expiresSoon(Token candidate) {
        Date expires = candidate.getExpires();
        return expires != null && expires.toInstant().isBefore(clock.instant().plus(RENEW_BEFORE_EXPIRY));
    }

    @SuppressWarnings("rawtypes")
    private OSClientV3 client(Token current) {
        OSClientV3 client = OSFactory.clientFromToken(current, Facing.PUBLIC, config);
        if (region != null) {
            client.useRegion(region);
        }
        ((OSClientSession) client).headers(NO_LIBRARY_REAUTH);
        return client;
    }
}
