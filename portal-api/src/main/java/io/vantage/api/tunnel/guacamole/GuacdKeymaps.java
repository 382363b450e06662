package io.vantage.api.tunnel.guacamole;

import java.util.Map;
import java.util.Optional;

/**
 * The portal's keyboard layouts as guacd's {@code server-layout} names. VNC itself carries keysyms, so guacd's VNC
 * support never asks for a layout; protocols that send scancodes (RDP) do, and only get a layout guacd ships.
 */
final class GuacdKeymaps {

    /** Finnish keyboards are the Swedish layout; guacd has no separate Finnish keymap. */
    private static final Map<String, String> ALIASES = Map.of("fi-fi-qwerty", "sv-se-qwerty");

    /** guacd's keymaps (src/protocols/rdp/keymaps), in the portal's naming. */
    private static final java.util.Set<String> GUACD = java.util.Set.of("cs-cz-qwertz", "da-dk-qwerty",
            "de-ch-qwertz", "de-de-qwertz", "en-gb-qwerty", "en-us-qwerty", "es-es-qwerty", "es-latam-qwerty",
            "fr-be-azerty", "fr-ca-qwerty", "fr-ch-qwertz", "fr-fr-azerty", "hu-hu-qwertz", "it-it-qwerty",
            "ja-jp-qwerty", "no-no-qwerty", "pl-pl-qwerty", "pt-br-qwerty", "pt-pt-qwerty", "ro-ro-qwerty",
            "sv-se-qwerty", "tr-tr-qwerty");

    private GuacdKeymaps() {
    }

    static Optional<String> serverLayout(String portalLayout) {
        if (portalLayout == null) {
            return Optional.empty();
        }
        String layout = ALIASES.getOrDefault(portalLayout, portalLayout);
        return GUACD.contains(layout) ? Optional.of(layout) : Optional.empty();
    }
}
