/**
 * Cloud providers as admins configured them (type, typed settings) and their security groups with the rules that
 * pick them.
 */
@ApplicationModule(displayName = "Cloud records", allowedDependencies = {})
package io.vantage.domain.cloud;

import org.springframework.modulith.ApplicationModule;
