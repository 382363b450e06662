/**
 * Audit events: who did what to which object, and whether it was refused.
 */
@ApplicationModule(displayName = "Audit log", allowedDependencies = {})
package io.vantage.domain.audit;

import org.springframework.modulith.ApplicationModule;
