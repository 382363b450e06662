/**
 * What can be launched: images (with protocols and extension policy), flavours with their limits by role or
 * instrument, and plans (an image with a flavour on a cloud).
 */
@ApplicationModule(displayName = "Catalogue", allowedDependencies = {"cloud"})
package io.vantage.domain.catalogue;

import org.springframework.modulith.ApplicationModule;
