package io.vantage.domain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PathRuleTest {

    @Test
    void rulesAreRelativeCleanAndUseKnownPlaceholders() {
        assertThat(PathRule.problem("{instrument}/{cycle}/{proposal}/{experiment}", PathRule.RAW_PLACEHOLDERS)).isNull();
        assertThat(PathRule.problem("/data/{experiment}", PathRule.RAW_PLACEHOLDERS)).contains("relative");
        assertThat(PathRule.problem("raw/../{experiment}", PathRule.RAW_PLACEHOLDERS)).contains("'..'");
        assertThat(PathRule.problem("raw//{experiment}", PathRule.RAW_PLACEHOLDERS)).contains("not allowed");
        assertThat(PathRule.problem("raw/{user}", PathRule.RAW_PLACEHOLDERS)).contains("unknown placeholder {user}");
        assertThat(PathRule.problem("processed/{experiment}", PathRule.PROCESSED_PLACEHOLDERS))
                .contains("unknown placeholder {experiment}");
        assertThat(PathRule.problem("raw/{experiment", PathRule.RAW_PLACEHOLDERS)).contains("brace");
        assertThat(PathRule.problem("raw/$HOME", PathRule.RAW_PLACEHOLDERS)).contains("not allowed");
    }

    @Test
    void expandingFillsInTheExperimentAndRefusesIdsThatAreNoFolderName() {
        Map<String, String> values = PathRule.values("D22", "20250117", "EXP-1", Instant.parse("2025-09-03T08:00:00Z"));
        assertThat(PathRule.expand("/data", "{instrument}/{cycle}/{proposal}/{experiment}", values))
                .isEqualTo("/data/D22/2025-2/20250117/EXP-1");
        assertThat(PathRule.expand("/", "{year}/{experiment}", values)).isEqualTo("/2025/EXP-1");
        for (String hostile : new String[] {"..", "a/b", ".hidden", "x\ny"}) {
            Map<String, String> bad = PathRule.values("D22", "P", hostile, Instant.parse("2025-01-01T00:00:00Z"));
            assertThatThrownBy(() -> PathRule.expand("/data", "{experiment}", bad)).as(hostile)
                    .hasMessageContaining("cannot name a folder");
        }
    }

    @Test
    void userOfficePathsStayUnderTheRoot() {
        assertThat(PathRule.within("/data", "D22/run-7")).isEqualTo("/data/D22/run-7");
        assertThat(PathRule.within("/data", "/data/D22/run-7")).isEqualTo("/data/D22/run-7");
        assertThatThrownBy(() -> PathRule.within("/data", "/database/x")).hasMessageContaining("not under");
        assertThatThrownBy(() -> PathRule.within("/data", "../etc")).hasMessageContaining("not a clean path");
        assertThatThrownBy(() -> PathRule.within("/data", "/data/../etc")).hasMessageContaining("not a clean path");
        assertThat(PathRule.normaliseRoot(" /data/ ")).isEqualTo("/data");
        assertThatThrownBy(() -> PathRule.normaliseRoot("data")).hasMessageContaining("absolute");
        assertThat(PathRule.isInside("/data/a/b", "/data/a")).isTrue();
        assertThat(PathRule.isInside("/data/ab", "/data/a")).isFalse();
    }
}
