package io.vantage.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both warning e-mails render in HTML and plain text, with the link, and a name cannot inject markup. */
class ExpiryMailTemplatesTest {

    static final Map<String, Object> VARIABLES = Map.of("name", "Rosalind Franklin",
            "instanceName", "Copolymer <b>reduction</b>", "instanceUrl", "https://vantage.test/instances/abc",
            "deletionAt", "Friday 27 November 2026, 14:00 UTC", "idleSince", "Monday 23 November 2026, 09:12 UTC");

    @ParameterizedTest
    @ValueSource(strings = {"expiry-lifetime", "expiry-inactivity"})
    void rendersBothPartsSafely(String template) {
        MailTemplates.Rendered mail = new MailTemplates().render(template, VARIABLES);

        assertThat(mail.html()).contains("href=\"https://vantage.test/instances/abc\"")
                .contains("Friday 27 November 2026, 14:00 UTC").contains("Copolymer &lt;b&gt;reduction&lt;/b&gt;")
                .doesNotContain("<b>reduction");
        assertThat(mail.text()).contains("Dear Rosalind Franklin,").contains("https://vantage.test/instances/abc")
                .contains("Friday 27 November 2026, 14:00 UTC").doesNotContain("[(");
    }
}
