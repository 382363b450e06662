/** File transfer settings per instance (whether guests may download). */
@ApplicationModule(displayName = "File transfer settings", allowedDependencies = {})
package io.vantage.domain.transfer;

import org.springframework.modulith.ApplicationModule;
