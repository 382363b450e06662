package io.vantage.cloud.openstack;

import io.vantage.cloud.api.CloudPermanentException;
import org.openstack4j.api.identity.EndpointURLResolver;
import org.openstack4j.api.types.Facing;
import org.openstack4j.model.identity.URLResolverParams;
import org.openstack4j.model.identity.v3.Endpoint;
import org.openstack4j.model.identity.v3.Service;

/**
 * Finds service URLs in the token's catalogue. Replaces openstack4j's default resolver, which caches URLs in a static
 * map keyed by project id and region only (two providers on one project in two clouds would share URLs) and which
 * also requires the service <em>name</em> to be "nova", "glance"..., which many clouds do not use.
 */
final class CatalogueEndpoints implements EndpointURLResolver {

    @Override
    public String findURLV2(URLResolverParams params) {
        throw new CloudPermanentException("Keystone v2 is not supported: configure a Keystone v3 authUrl.");
    }

    @Override
    public String findURLV3(URLResolverParams params) {
        if (params.type == null) {
            return params.token.getEndpoint();
        }
        Facing facing = params.perspective == null ? Facing.PUBLIC : params.perspective;
        String type = params.type.getType();
        if (params.token.getCatalog() != null) {
            for (Service service : params.token.getCatalog()) {
                if (!type.equalsIgnoreCase(service.getType()) || service.getEndpoints() == null) {
                    continue;
                }
                for (Endpoint endpoint : service.getEndpoints()) {
                    if (endpoint.getIface() == facing && inRegion(endpoint, params.region) && endpoint.getUrl() != null) {
                        return endpoint.getUrl().toString();
                    }
                }
            }
        }
        if ("identity".equals(type)) {
            return params.token.getEndpoint();
        }
        throw new CloudPermanentException("The OpenStack service catalogue has no " + facing.name().toLowerCase()
                + " '" + type + "' endpoint" + (params.region == null ? "" : " in region '" + params.region + "'")
                + ": check the region setting.");
    }

    private static boolean inRegion(Endpoint endpoint, String region) {
        return region == null || region.equalsIgnoreCase(endpoint.getRegion())
                || region.equalsIgnoreCase(endpoint.getRegionId());
    }
}
