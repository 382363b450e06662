package io.vantage.api.tunnel.guacamole;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class GuacAsciiTest {

    @Test
    void anyByteAboveSevenBitsAnywhereMakesItNotAscii() {
        byte[] text = "5.image,1.0,64.iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==;"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(Ascii.only(text, 0, text.length)).isTrue();
        for (int at = 0; at < text.length; at++) {
            byte[] changed = text.clone();
            changed[at] = (byte) 0xc3; // a UTF-8 lead byte, in the 8-byte blocks and in the tail alike
            assertThat(Ascii.only(changed, 0, changed.length)).as("non-ASCII at %d", at).isFalse();
            assertThat(Ascii.only(changed, at + 1, changed.length - at - 1)).as("only what is asked is checked")
                    .isTrue();
        }
    }

    @Test
    void multiByteCharactersAreNotAscii() {
        byte[] text = "4.name,5.Grüße;".getBytes(StandardCharsets.UTF_8);
        assertThat(Ascii.only(text, 0, text.length)).isFalse();
        assertThat(Ascii.only(text, 0, 9)).isTrue();
    }
}
