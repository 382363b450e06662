package io.vantage.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

import io.vantage.api.admin.AdminFixtures;
import io.vantage.api.testing.HttpSession;

/**
 * What the admin page tests share: a browser-like session signed in as {@code admin} through the embedded login,
 * form posts carrying the page's CSRF token, and checks of what a re-rendered form says next to a field. Tests make
 * their own data (unique names): all classes on {@code @PortalTest} share one portal and database.
 */
abstract class AdminPageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    HttpSession admin;
    AdminFixtures fixtures;

    @BeforeEach
    void signIn() throws Exception {
        admin = new HttpSession(base());
        // the names the demo login page sends: a login without them would rename Grace Hopper for later tests
        HttpResponse<String> landed = admin.loginThroughEmbeddedProvider("admin",
                "{\"given_name\":\"Grace\",\"family_name\":\"Hopper\"}");
        assertThat(landed.statusCode()).isEqualTo(200);
        fixtures = new AdminFixtures(jdbc);
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** A page that must answer 200; its HTML with entities decoded, so texts compare as people read them. */
    String page(String path) throws Exception {
        HttpResponse<String> response = admin.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return HtmlUtils.htmlUnescape(response.body());
    }

    /** Posts a form as the browser would from the page at {@code from} (taking that page's CSRF token). */
    HttpResponse<String> post(String from, String action, Map<String, String> fields) throws Exception {
        String token = HttpSession.csrf(admin.get(from).body());
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", token);
        return admin.postForm(action, form);
    }

    /** Posts like htmx does (HX-Request header), as the buttons and small forms of the instances page do. */
    HttpResponse<String> htmx(String from, String action, Map<String, String> fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", HttpSession.csrf(admin.get(from).body()));
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return admin.send(HttpRequest.newBuilder(URI.create(base() + action)).header("HX-Request", "true")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A successful post: redirected (303/302) to {@code target}; answers the page there. */
    String postRedirects(String from, String action, Map<String, String> fields, String target) throws Exception {
        HttpResponse<String> response = post(from, action, fields);
        assertThat(response.statusCode()).as(response.body()).isIn(302, 303);
        String location = HttpSession.location(response);
        assertThat(location).as("redirect").matches(".*" + Pattern.quote(target) + "(\\?.*)?$");
        return page(location);
    }

    /**
     * The form came back (200) with {@code message} in the invalid-feedback of {@code field} (its name, or its id
     * where a page repeats a name), marked invalid.
     */
    static void assertFieldError(HttpResponse<String> response, String field, String message) {
        assertThat(response.statusCode()).as("re-rendered form").isEqualTo(200);
        String html = HtmlUtils.htmlUnescape(response.body());
        Matcher input = Pattern.compile("<(input|select|textarea)[^>]*\\b(?:name|id)=\"" + Pattern.quote(field)
                + "\"[^>]*>").matcher(html);
        assertThat(input.find()).as("field " + field + " in the page").isTrue();
        assertThat(input.group()).as("field " + field + " marked invalid").contains("is-invalid");
        Matcher feedback = Pattern.compile("<div class=\"invalid-feedback[^\"]*\"[^>]*>([^<]*)</div>")
                .matcher(html.substring(input.start()));
        assertThat(feedback.find()).as("feedback after " + field).isTrue();
        assertThat(feedback.group(1).strip()).contains(message);
    }

    /** The flash message shown at the top of a page after a redirect. */
    static String flash(String html) {
        Matcher flash = Pattern.compile("<div class=\"alert alert-(\\w+)\" id=\"flash\"[^>]*>([^<]*)</div>").matcher(html);
        assertThat(flash.find()).as("a flash message").isTrue();
        return flash.group(1) + ": " + flash.group(2);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    long localProviderId() {
        return jdbc.queryForObject("select id from cloud_providers where name = 'local'", Long.class);
    }
}
