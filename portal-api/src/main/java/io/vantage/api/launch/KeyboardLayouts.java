package io.vantage.api.launch;

import java.util.List;

/** Keyboard layouts a desktop can be set to (Guacamole's names; VNC servers map them to X keymaps). */
public final class KeyboardLayouts {

    public static final List<String> ALL = List.of("en-us-qwerty", "en-gb-qwerty", "fr-fr-azerty", "fr-be-azerty",
            "fr-ch-qwertz", "de-de-qwertz", "de-ch-qwertz", "it-it-qwerty", "es-es-qwerty", "es-latam-qwerty",
            "pt-br-qwerty", "sv-se-qwerty", "da-dk-qwerty", "no-no-qwerty", "fi-fi-qwerty", "hu-hu-qwertz",
            "pl-pl-qwerty", "cs-cz-qwertz", "tr-tr-qwerty", "ja-jp-qwerty");

    public static final String DEFAULT = "en-us-qwerty";

    private KeyboardLayouts() {
    }

    public static boolean isKnown(String layout) {
        return ALL.contains(layout);
    }
}
