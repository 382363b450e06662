/**
 * File transfer between browsers and instances (TransferController, FileTransfer): through a notebook image's
 * Jupyter, or the provider's own file access; who may transfer what is decided per request with AccessPolicy.
 */
@ApplicationModule(displayName = "File transfer", allowedDependencies = {"cloud", "error", "security", "tunnel"})
package io.vantage.api.transfer;

import org.springframework.modulith.ApplicationModule;
