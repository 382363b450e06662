/**
 * File transfer between browsers and instances (TransferController, FileTransfer): through a notebook image's
 * Jupyter, the provider's own file access, or a desktop image's file service; who may transfer what is decided per
 * request with AccessPolicy.
 */
@ApplicationModule(displayName = "File transfer", allowedDependencies = {"cloud", "error", "security", "tunnel"})
package io.vantage.api.transfer;

import org.springframework.modulith.ApplicationModule;
