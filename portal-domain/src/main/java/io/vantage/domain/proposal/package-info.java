/**
 * The user office's proposals, experiments and instruments, and who is on each experiment.
 */
@ApplicationModule(displayName = "Proposals", allowedDependencies = {"user"})
package io.vantage.domain.proposal;

import org.springframework.modulith.ApplicationModule;
