package io.vantage.api.security;

import java.util.List;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/** The embedded OIDC server's login page: pick a person, sign in as them. */
final class DemoLoginPage {

    record DemoUser(String id, String firstName, String lastName, String email, String roles) {
    }

    private DemoLoginPage() {
    }

    static String render(List<DemoUser> users) {
        StringBuilder rows = new StringBuilder();
        for (DemoUser user : users) {
            String claims = claimsJson(user);
            rows.append("""
                    <form method="post" class="user">
                      <input type="hidden" name="username" value="%s">
                      <input type="hidden" name="claims" value="%s">
                      <button type="submit" data-user="%s"><strong>%s %s</strong><span>%s</span><em>%s</em></button>
                    </form>
                    """.formatted(esc(user.id()), esc(claims), esc(user.id()), esc(nullToEmpty(user.firstName())),
                    esc(user.lastName()), esc(nullToEmpty(user.email())), esc(user.roles().isEmpty() ? "user" : user.roles())));
        }
        return TEMPLATE.replace("{{rows}}", rows.toString());
    }

    private static String claimsJson(DemoUser user) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("given_name", nullToEmpty(user.firstName()));
        values.put("family_name", user.lastName());
        values.put("email", nullToEmpty(user.email()));
        StringBuilder json = new StringBuilder("{");
        values.forEach((key, value) -> json.append('"').append(key).append("\":\"").append(jsonEscape(value)).append("\","));
        json.append("\"email_verified\":true}");
        return json.toString();
    }

    private static String jsonEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static final String TEMPLATE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Vantage demo login</title>
            <style>
              body{font-family:system-ui,sans-serif;background:#f4f6f9;margin:0;color:#1d2430}
              main{max-width:34rem;margin:3rem auto;padding:0 1rem}
              .banner{background:#fff3cd;border:1px solid #e0c36a;border-radius:.5rem;padding:.75rem 1rem;margin-bottom:1.5rem}
              h1{font-size:1.4rem} .user{margin:0 0 .5rem}
              button{width:100%;text-align:left;background:#fff;border:1px solid #cfd6e0;border-radius:.5rem;padding:.7rem 1rem;cursor:pointer;display:grid;gap:.1rem}
              button:hover,button:focus{border-color:#3867d6;outline:2px solid #3867d6}
              span{color:#4b5563;font-size:.9rem} em{color:#6b7280;font-size:.8rem;font-style:normal}
              details{margin-top:1.5rem} input[type=text]{padding:.4rem;width:60%}
            </style></head>
            <body><main>
            <div class="banner" role="alert"><strong>Demo login.</strong> This portal runs its embedded OIDC server:
            anyone can sign in as any person below. Configure <code>vantage.auth.oidc.issuer-uri</code> for real logins.</div>
            <h1>Sign in to Vantage as&hellip;</h1>
            {{rows}}
            <details><summary>Someone else</summary>
              <form method="post"><label>User id <input type="text" name="username" required></label>
              <button type="submit" style="width:auto;display:inline-block">Sign in</button></form>
            </details>
            </main></body></html>
            """;
}
