package io.vantage.cloud.kubernetes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

    private static final String LABEL_VALUE = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";
    private static final String DNS_1035 = "[a-z]([-a-z0-9]*[a-z0-9])?";

    @ParameterizedTest
    @ValueSource(strings = {"alice@facility.eu", "uid-1", "_leading and trailing_", "ünïcödé",
            "a-very-long-value-that-goes-well-beyond-the-sixty-three-characters-a-label-allows"})
    void labelValuesAreValid(String value) {
        String label = Names.labelValue(value);

        assertThat(label).matches(LABEL_VALUE).hasSizeLessThanOrEqualTo(63);
    }

    @Test
    void longValuesThatShareAPrefixStayApart() {
        String prefix = "x".repeat(70);

        assertThat(Names.labelValue(prefix + "1")).isNotEqualTo(Names.labelValue(prefix + "2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice's analysis #1", "42 is the answer", "---", "", "Ωmega",
            "A name that is far too long to be used as a Kubernetes object name as it is"})
    void objectNamesAreDns1035LabelsWithRoomForAPodSuffix(String requested) {
        String name = Names.objectName(requested, "deployment", "uid");

        assertThat(name).matches(DNS_1035).hasSizeLessThanOrEqualTo(50);
        assertThat(Names.podName(name)).matches(DNS_1035).hasSizeLessThanOrEqualTo(63);
    }

    @Test
    void objectNamesDependOnDeploymentAndInstance() {
        assertThat(Names.objectName("desk", "a", "uid")).isEqualTo(Names.objectName("desk", "a", "uid"))
                .isNotEqualTo(Names.objectName("desk", "b", "uid"))
                .isNotEqualTo(Names.objectName("desk", "a", "uid2"));
    }
}
