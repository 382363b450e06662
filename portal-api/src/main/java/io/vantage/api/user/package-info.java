/**
 * People: who the caller is, as the API says it (/api/me), and their administration, moved here from the admin
 * module: people and their roles (UserAdmin, /api/admin/users), groups (GroupAdmin) and role policies
 * (RolePolicyAdmin), audited through the audit module.
 */
@ApplicationModule(displayName = "People", allowedDependencies = {"audit", "error", "launch", "security", "support"})
package io.vantage.api.user;

import org.springframework.modulith.ApplicationModule;
