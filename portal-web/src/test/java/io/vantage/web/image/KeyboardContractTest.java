package io.vantage.web.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vantage.api.launch.KeyboardLayouts;

/**
 * Every keyboard the portal lets people choose (Guacamole's names, sent as {@code vantage-keyboard}) is mapped by the
 * image to an XKB layout, and variant, that X actually has ({@code xkb-data}'s list), so nobody silently gets a US
 * keyboard; an unknown name falls back to {@code us}.
 */
class KeyboardContractTest {

    static final Path RULES = Path.of("/usr/share/X11/xkb/rules/base.lst");

    @Test
    void everyKeyboardThePortalOffersIsAnXkbLayoutOnTheImage() throws Exception {
        List<String> rules = Files.readAllLines(RULES);
        List<String> layouts = section(rules, "! layout");
        List<String> variants = section(rules, "! variant");
        for (String keyboard : KeyboardLayouts.ALL) {
            String[] xkb = map(keyboard);
            assertThat(layouts).as("XKB layout for %s", keyboard).anyMatch(line -> line.startsWith(xkb[0] + " "));
            if (xkb.length > 1) {
                assertThat(variants).as("XKB variant for %s", keyboard)
                        .anyMatch(line -> line.matches(xkb[1] + "\\s+" + xkb[0] + ":.*"));
            }
        }
        assertThat(map("en-gb-qwerty")).containsExactly("gb");
        assertThat(map("fr-ch-qwertz")).containsExactly("ch", "fr");
        assertThat(map("de")).as("a plain XKB layout is kept").containsExactly("de");
        assertThat(map("x'; rm -rf /")).as("anything else is us").containsExactly("us");
    }

    private static String[] map(String keyboard) throws Exception {
        return ImageScripts.run(List.of(ImageScripts.FILES.resolve("vantage-keyboard").toString(), keyboard),
                Map.of()).strip().split(" ");
    }

    private static List<String> section(List<String> rules, String header) {
        int start = rules.indexOf(header) + 1;
        return rules.subList(start, rules.size()).stream().takeWhile(line -> !line.startsWith("!"))
                .map(String::strip).toList();
    }
}
