package io.vantage.etl.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The hand-written fast path agrees with java.time, and java.time keeps the last word on what is invalid. */
class IsoTimesTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void theCommonShapesAreReadAsJavaTimeReadsThem() {
        assertThat(IsoTimes.parse("2025-03-04T08:00:00Z", PARIS)).isEqualTo(OffsetDateTime.parse("2025-03-04T08:00Z"));
        assertThat(IsoTimes.parse("2025-10-14T08:00:00+02:00", PARIS))
                .isEqualTo(OffsetDateTime.parse("2025-10-14T08:00+02:00"));
        assertThat(IsoTimes.parse("2025-01-14T08:00-05:30", PARIS))
                .isEqualTo(OffsetDateTime.parse("2025-01-14T08:00-05:30"));
        assertThat(IsoTimes.parse("2025-06-10 08:00:00", PARIS)).hasToString("2025-06-10T08:00+02:00");
        assertThat(IsoTimes.parse("2025-12-10", PARIS)).hasToString("2025-12-10T00:00+01:00");
        assertThat(IsoTimes.parse("2025-03-04T08:00:00.250Z", PARIS)).as("fractions take the slow path")
                .isEqualTo(OffsetDateTime.parse("2025-03-04T08:00:00.250Z"));
    }

    @Test
    void impossibleDatesAreRejectedWhicheverPathReadsThem() {
        assertThat(IsoTimes.parse("2025-13-05T08:00:00Z", PARIS)).isNull();
        assertThat(IsoTimes.parse("2026-02-30T08:00:00Z", PARIS)).isNull();
        assertThat(IsoTimes.parse("2025-06-10T25:00:00Z", PARIS)).isNull();
        assertThat(IsoTimes.parse("15/06/2025", PARIS)).isNull();
        assertThat(IsoTimes.parse("2025-06-10T08:00:00+2", PARIS)).isNull();
        assertThat(IsoTimes.date("2026-02-29")).isNull();
        assertThat(IsoTimes.date("2028-02-29")).hasToString("2028-02-29");
    }
}
