/**
 * RFC 9457 problem+json for every API error, and the exceptions features throw to produce one (ConflictException,
 * FieldException, NotFoundException). Depends on no other module.
 */
@ApplicationModule(displayName = "Errors", allowedDependencies = {})
package io.vantage.api.error;

import org.springframework.modulith.ApplicationModule;
