package io.vantage.api.tunnel.guacamole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;

class GuacBrowserChannelTest {

    @Test
    void utf8FromGuacdReachesTheContainersWriterAsTheSameTextWhereverItsPiecesEnd() throws Exception {
        StringWriter written = new StringWriter();
        RemoteEndpoint.Basic remote = mock(RemoteEndpoint.Basic.class);
        when(remote.getSendWriter()).thenReturn(written);
        Session container = mock(Session.class);
        when(container.getBasicRemote()).thenReturn(remote);
        StandardWebSocketSession session = new StandardWebSocketSession(null, null, null, null);
        session.initializeNativeSession(container);

        // multi-byte characters on both sides of the 8 Ki characters the channel decodes at a time
        String text = "4.blob,1.1,20000." + "A".repeat(8180) + "é\uD834\uDD1Eß" + "B".repeat(11_815) + ";";
        byte[] utf8 = ("xx" + text).getBytes(StandardCharsets.UTF_8);
        new BrowserChannel(session).send(utf8, 2, utf8.length - 2, false);

        assertThat(written.toString()).isEqualTo(text);
    }
}
