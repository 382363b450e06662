package io.vantage.api.tunnel.jupyter;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import io.vantage.api.security.CurrentUser;
import io.vantage.api.security.CurrentUsers;

/** Notebook websockets open only for signed-in members who may change the notebook (not guests). */
class JupyterHandshake implements HandshakeInterceptor {

    private final JupyterAccess access;

    JupyterHandshake(JupyterAccess access) {
        this.access = access;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        Matcher path = JupyterProxyFilter.PATH.matcher(request.getURI().getPath());
        Optional<CurrentUser> user = CurrentUsers.current();
        Optional<JupyterAccess.Grant> grant = path.matches() && user.isPresent()
                ? access.grant(user.get(), path.group(1)) : Optional.empty();
        if (grant.isEmpty() || grant.get().readOnly()) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
        attributes.put(JupyterWebSocketProxy.GRANT, grant.get());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }
}
