package io.vantage.cloud.local;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class VncPasswordFileTest {

    @Test
    void matchesWhatX11vncStorepasswdWrites() {
        // reference values from `x11vnc -storepasswd password FILE` and `... abcdefghij FILE`
        assertThat(HexFormat.of().formatHex(VncPasswordFile.content("password"))).isEqualTo("dbd83cfd727a1458");
        assertThat(HexFormat.of().formatHex(VncPasswordFile.content("abcdefghij"))).isEqualTo("db8ab02565e3b4c2");
    }

    @Test
    void onlyTheFirstEightCharactersCount() {
        assertThat(VncPasswordFile.content("abcdefgh-and-the-rest")).isEqualTo(VncPasswordFile.content("abcdefgh"));
        assertThat(VncPasswordFile.content("abcdefgh")).isNotEqualTo(VncPasswordFile.content("abcdefgi"));
    }

    @Test
    void reversesTheBitsOfEveryByte() {
        assertThat(VncPasswordFile.reverseBits(new byte[] {0x01, 0x17, (byte) 0x80}))
                .containsExactly((byte) 0x80, (byte) 0xE8, 0x01);
    }
}
