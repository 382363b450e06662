/**
 * The admin audit trail: what admins changed, and what was refused (AdminAudit, which every feature's admin part
 * uses), and its search (/api/admin/audit). Depends on no feature, so that every feature may use it.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = {"error", "security", "support"})
package io.vantage.api.audit;

import org.springframework.modulith.ApplicationModule;
