package io.vantage.cloud.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JobCommentTest {

    @Test
    void tagsRoundTripWhateverTheirCharacters() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("vantage-deployment", "d-1");
        tags.put("vantage-instance", "uid;with=odd%chars +");
        tags.put("vantage-owner", "Zoë");
        String comment = JobComment.of(tags);
        assertThat(comment).doesNotContain(" ").startsWith("vantage-deployment=d-1;vantage-instance=uid%3Bwith%3D");
        assertThat(JobComment.parse(comment)).isEqualTo(tags);
    }

    @Test
    void whatTheJobAppendsIsReadAndTheFirstValueOfAKeyWins() {
        Map<String, String> tags = JobComment.parse("vantage-deployment=d-1;vantage-instance=u;"
                + "vantage-ports=5901:41234;vantage-error=Xvfb did not start: (EE) x;junk;vantage-instance=other");
        assertThat(tags).containsEntry("vantage-instance", "u").containsEntry("vantage-ports", "5901:41234")
                .containsEntry("vantage-error", "Xvfb did not start: (EE) x").doesNotContainKey("junk");
        assertThat(JobComment.parse(null)).isEmpty();
    }

    @Test
    void onlyUnprivilegedPortsCount() {
        assertThat(JobComment.ports("5901:41234,8888:40001")).containsExactly(Map.entry(5901, 41234),
                Map.entry(8888, 40001));
        // a user could rewrite the comment to point the portal at the node's ssh or another system service
        assertThat(JobComment.ports("5901:22")).isEmpty();
        assertThat(JobComment.ports("5901:70000,x:1,5901")).isEmpty();
        assertThat(JobComment.ports(null)).isEmpty();
    }
}
