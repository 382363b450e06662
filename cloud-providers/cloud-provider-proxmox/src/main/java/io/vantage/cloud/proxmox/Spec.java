package io.vantage.cloud.proxmox;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CreateInstanceRequest;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What one create asks for, checked against the settings; the VM's name always contains the instance uid. */
record Spec(String uid, String name, String imageId, ProxmoxSettings.Image image, String flavourId,
            ProxmoxSettings.Flavour flavour, Map<String, String> tags) {

    private static final int MAX_NAME = 63;

    static Spec of(CreateInstanceRequest request, ProxmoxSettings settings) {
        ProxmoxSettings.Image image = Optional.ofNullable(settings.images().get(request.imageId()))
                .orElseThrow(() -> new CloudPermanentException("Unknown image '" + request.imageId()
                        + "': this Proxmox provider offers " + settings.images().keySet()));
        ProxmoxSettings.Flavour flavour = Optional.ofNullable(settings.flavours().get(request.flavourId()))
                .orElseThrow(() -> new CloudPermanentException("Unknown flavour '" + request.flavourId()
                        + "': this Proxmox provider offers " + settings.flavours().keySet()));
        String uid = request.metadata().instanceUid();
        return new Spec(uid, name(request.name(), uid), request.imageId(), image, request.flavourId(), flavour,
                request.metadata().tags());
    }

    /** A DNS name, as Proxmox requires: the requested one when it fits and holds the uid, else vantage-{uid}. */
    static String name(String requested, String uid) {
        String clean = dns(requested);
        String cleanUid = dns(uid);
        if (clean.contains(cleanUid) && clean.length() <= MAX_NAME && !clean.isEmpty()
                && Character.isLetter(clean.charAt(0))) {
            return clean;
        }
        String fallback = "vantage-" + cleanUid;
        return fallback.length() <= MAX_NAME ? fallback : fallback.substring(0, MAX_NAME).replaceAll("-+$", "");
    }

    private static String dns(String value) {
        return value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^-+|-+$", "");
    }
}
