package io.vantage.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The expiry e-mails render in HTML and plain text, with the link, and a name cannot inject markup. */
class ExpiryMailTemplatesTest {

    static final Map<String, Object> VARIABLES = Map.of("name", "Rosalind Franklin",
            "instanceName", "Copolymer <b>reduction</b>", "instanceUrl", "https://vantage.test/instances/abc",
            "deletionAt", "Friday 27 November 2026, 14:00 UTC", "idleSince", "Monday 23 November 2026, 09:12 UTC");

    static final Map<String, Object> DELETED = Map.of("name", "Rosalind Franklin",
            "instanceName", "Copolymer <b>reduction</b>", "instanceUrl", "https://vantage.test/instances/abc",
            "environment", "Analysis desktop", "owner", "Dorothy Hodgkin", "createdAt", "Monday 9 November 2026, 08:00 UTC",
            "deletedAt", "Friday 27 November 2026, 14:00 UTC", "why", "Its lifetime ended on Friday 27 November 2026.");

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

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anAnswerToARequestSaysWhatWasDecidedAndWhy(boolean approved) {
        Map<String, Object> variables = new java.util.HashMap<>(VARIABLES);
        variables.putAll(Map.of("approved", approved, "requestedUntil", "Monday 30 November 2026, 23:00 UTC",
                "terminationDate", "Monday 30 November 2026, 23:00 UTC", "handler", "Grace Hopper",
                "comment", "For the <i>second</i> beamtime"));
        MailTemplates.Rendered mail = new MailTemplates().render("extension-decided", variables);

        String decision = approved ? "Grace Hopper approved your request" : "Grace Hopper refused your request";
        assertThat(mail.text()).contains(decision).contains("For the <i>second</i> beamtime")
                .contains("https://vantage.test/instances/abc").doesNotContain("[(").doesNotContain("[#");
        assertThat(mail.html()).contains("<span>Grace Hopper</span> " + (approved ? "approved" : "refused") + " your request")
                .contains("For the &lt;i&gt;second&lt;/i&gt; beamtime")
                .contains("href=\"https://vantage.test/instances/abc\"");
        assertThat(mail.text()).contains(approved ? "now lives until" : "will still be deleted on");
    }

    @org.junit.jupiter.api.Test
    void aDeletionSaysWhatWasDeletedAndWhy() {
        MailTemplates.Rendered mail = new MailTemplates().render("instance-deleted", DELETED);
        assertThat(mail.text()).contains("Copolymer <b>reduction</b>").contains("Analysis desktop")
                .contains("owned by Dorothy Hodgkin").contains("Why: Its lifetime ended on Friday 27 November 2026.")
                .contains("https://vantage.test/instances/abc").doesNotContain("[(");
        assertThat(mail.html()).contains("Copolymer &lt;b&gt;reduction&lt;/b&gt;").doesNotContain("<b>reduction")
                .contains("Its lifetime ended on Friday 27 November 2026.");
    }
}
