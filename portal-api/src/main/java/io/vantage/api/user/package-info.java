/**
 * People: who the caller is, as the API says it (/api/me), and their administration, moved here from the admin
 * module: people and their roles (UserAdmin, /api/admin/users), groups (GroupAdmin) and role policies
 * (RolePolicyAdmin). The admin module lends the console's shared parts (admin::console: audit, paging).
 */
@ApplicationModule(displayName = "People", allowedDependencies = {"admin::console", "error", "launch", "security"})
package io.vantage.api.user;

import org.springframework.modulith.ApplicationModule;
