package io.vantage.api.data;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Experiment data: the dataset catalogue that {@code /open?pid=} links resolve through, and the demo's data folder.
 *
 * @param scicat   the SciCat API; without a base URL, only DOIs the portal knows (experiments, proposals) open
 * @param demoRoot where the embedded demo writes its sample files (moved under {@code /var/lib/vantage/data} when
 *                 instance users could not reach it, like the local provider's work dir)
 */
@ConfigurationProperties("vantage.data")
public record DataProperties(@DefaultValue SciCat scicat, @DefaultValue("./.vantage/data") String demoRoot) {

    /**
     * @param baseUrl  e.g. {@code https://scicat.example.org/api/v3}; datasets are read at
     *                 {@code <baseUrl>/Datasets/<pid>}
     * @param token    a SciCat access token allowed to read datasets (sent as a bearer token), or none
     * @param timeout  the longest a look-up may take (a link must answer, SciCat or not)
     * @param cacheFor how long a dataset read is reused (the wizard's steps read it again)
     */
    public record SciCat(String baseUrl, String token, @DefaultValue("10s") Duration timeout,
                         @DefaultValue("2m") Duration cacheFor) {

        public boolean configured() {
            return baseUrl != null && !baseUrl.isBlank();
        }

        @Override
        public String toString() {
            return "SciCat[baseUrl=" + baseUrl + ", token=" + (token == null || token.isBlank() ? "none" : "****")
                    + ", timeout=" + timeout + ", cacheFor=" + cacheFor + "]";
        }
    }
}
