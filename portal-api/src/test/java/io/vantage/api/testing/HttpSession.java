package io.vantage.api.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that does not follow redirects, so a test can walk the OIDC login step by step
 * exactly as a browser would.
 */
public class HttpSession {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public HttpSession(String base) {
        this.base = base;
    }

    /** The value of this session's cookie of that name, or null. */
    public String cookie(String name) {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name)).map(java.net.HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(resolve(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String url, String bearer) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(resolve(url)).header("Authorization", "Bearer " + bearer).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postForm(String url, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(resolve(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A response read as it arrives (an event stream), with this session's cookies. */
    public HttpResponse<java.io.InputStream> stream(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(resolve(url)).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("Expected a redirect, got " + response.statusCode()));
    }

    /** The CSRF token Spring puts into a page's forms or meta tag. */
    public static String csrf(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|content=\"([^\"]+)\"[^>]*name=\"_csrf\"")
                .matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token in page");
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private URI resolve(String url) {
        return URI.create(url.startsWith("http") ? url : base + url);
    }

    /**
     * Walks the whole authorization-code login through the embedded OIDC server's login page and returns the
     * last response (the portal page the person lands on).
     */
    public HttpResponse<String> loginThroughEmbeddedProvider(String username, String claimsJson)
            throws IOException, InterruptedException {
        HttpResponse<String> start = get("/");
        String authorization = location(get(location(start)));
        HttpResponse<String> loginPage = get(authorization);
        if (loginPage.statusCode() != 200) {
            throw new AssertionError("Login page answered " + loginPage.statusCode());
        }
        HttpResponse<String> callback = postForm(authorization, claimsJson == null ? Map.of("username", username)
                : Map.of("username", username, "claims", claimsJson));
        HttpResponse<String> afterCallback = get(location(callback));
        return afterCallback.statusCode() == 302 ? get(location(afterCallback)) : afterCallback;
    }
}
