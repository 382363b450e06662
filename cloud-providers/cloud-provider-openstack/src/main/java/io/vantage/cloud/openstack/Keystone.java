package io.vantage.cloud.openstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vantage.cloud.api.CloudPermanentException;
import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openstack4j.core.transport.ObjectMapperSingleton;
import org.openstack4j.openstack.identity.v3.domain.KeystoneToken;

/**
 * Issues Keystone v3 tokens. openstack4j 3.12 knows no application credentials, so both methods are done here and
 * the result is handed to openstack4j as a {@link KeystoneToken}. The request and response carry secrets: never log them.
 */
final class Keystone {

    private static final MediaType JSON_TYPE = MediaType.parse("application/json");

    private final OpenStackSettings settings;
    private final String authUrl;
    private final OkHttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    Keystone(OpenStackSettings settings, Duration connectTimeout, Duration readTimeout) {
        this.settings = settings;
        this.authUrl = v3Url(settings.authUrl());
        this.http = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .callTimeout(connectTimeout.plus(readTimeout))
                .build();
    }

    String authUrl() {
        return authUrl;
    }

    KeystoneToken authenticate() {
        Request request = new Request.Builder().url(authUrl + "/auth/tokens")
                .post(RequestBody.create(requestBody(), JSON_TYPE)).build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw rejected(response.code(), OpenStackErrors.messageOf(body));
            }
            String id = response.header("X-Subject-Token");
            if (id == null || id.isBlank()) {
                throw new CloudPermanentException("Could not authenticate with Keystone at " + authUrl
                        + ": the answer has no X-Subject-Token header; is authUrl really Keystone v3?");
            }
            KeystoneToken token = ObjectMapperSingleton.getContext(KeystoneToken.class)
                    .readValue(body, KeystoneToken.class);
            token.setId(id);
            token.setEndpoint(authUrl);
            if (token.getCatalog() == null || token.getCatalog().isEmpty()) {
                throw new CloudPermanentException("Could not authenticate with Keystone at " + authUrl
                        + ": the token has no service catalogue; check the project settings and the user's role.");
            }
            return token;
        } catch (JsonProcessingException e) {
            throw new CloudPermanentException("Could not authenticate with Keystone at " + authUrl
                    + ": its answer is not a Keystone v3 token (" + e.getOriginalMessage() + ").", e);
        } catch (IOException e) {
            throw OpenStackErrors.unreachable("authenticate with Keystone at " + authUrl, e);
        }
    }

    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private RuntimeException rejected(int status, String message) {
        if (status == 401) {
            String who = settings.usesApplicationCredential()
                    ? "application credential '" + settings.applicationCredentialId() + "'"
                    : "user '" + settings.username() + "' in domain '" + settings.userDomain() + "'";
            return new CloudPermanentException("Could not authenticate with Keystone at " + authUrl
                    + ": it rejected " + who + " (HTTP 401" + (message == null ? "" : ": " + message)
                    + "). Check the credentials and the project settings.");
        }
        return OpenStackErrors.status("authenticate with Keystone at " + authUrl, status, message, null);
    }

    private String requestBody() {
        ObjectNode root = json.createObjectNode();
        ObjectNode auth = root.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        if (settings.usesApplicationCredential()) {
            // An application credential is bound to its project: Keystone refuses an explicit scope.
            identity.putArray("methods").add("application_credential");
            identity.putObject("application_credential")
                    .put("id", settings.applicationCredentialId())
                    .put("secret", settings.applicationCredentialSecret());
        } else {
            identity.putArray("methods").add("password");
            ObjectNode user = identity.putObject("password").putObject("user");
            user.put("name", settings.username());
            user.putObject("domain").put("name", settings.userDomain());
            user.put("password", settings.password());
            ObjectNode project = auth.putObject("scope").putObject("project");
            if (OpenStackSettings.blankToNull(settings.projectId()) != null) {
                project.put("id", settings.projectId());
            } else {
                project.put("name", settings.projectName());
                project.putObject("domain").put("name", settings.projectDomain());
            }
        }
        return root.toString();
    }

    static String v3Url(String authUrl) {
        String url = authUrl.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url.endsWith("/v3") ? url : url + "/v3";
    }
}
