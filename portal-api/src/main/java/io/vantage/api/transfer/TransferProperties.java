package io.vantage.api.transfer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * File transfer between browsers and instances.
 *
 * @param maxUploadSize the largest file a person may upload at once (a bigger one is refused with 413 before any of
 *                      it is read)
 * @param jupyterChunk  how much of an upload travels in one request to Jupyter's contents API (base64 in JSON, so
 *                      the portal holds about twice this per upload in memory)
 * @param jupyterTimeout the longest Jupyter may take to answer one request (a chunk, a listing, a download's start)
 * @param filesTimeout  the longest the image's file service (desktops) may take to answer a listing or start a
 *                      download, and the longest an upload through it may stand still (neither bytes moving nor an
 *                      answer)
 */
@ConfigurationProperties("vantage.transfer")
public record TransferProperties(@DefaultValue("1GB") DataSize maxUploadSize,
                                 @DefaultValue("4MB") DataSize jupyterChunk,
                                 @DefaultValue("2m") Duration jupyterTimeout,
                                 @DefaultValue("2m") Duration filesTimeout) {
}
