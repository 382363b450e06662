/**
 * The Instance aggregate (state machine, members, experiments), its commands, sessions, tickets, invitations,
 * access and extension requests, and the records of its lifetime (InstanceExpiration, InstanceDeletion) that the
 * portal's expiry module alone writes.
 */
@ApplicationModule(displayName = "Instances", allowedDependencies = {"catalogue", "cloud", "proposal", "user"})
package io.vantage.domain.instance;

import org.springframework.modulith.ApplicationModule;
