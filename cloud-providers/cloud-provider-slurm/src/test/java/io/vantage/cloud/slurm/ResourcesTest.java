package io.vantage.cloud.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourcesTest {

    @Test
    void gpusOfGresStrings() {
        assertThat(Resources.gpus("gpu:2")).isEqualTo(2);
        assertThat(Resources.gpus("gpu:a100:4(S:0-1)")).isEqualTo(4);
        assertThat(Resources.gpus("gpu:a100:2(S:0),gpu:v100:1")).isEqualTo(3);
        assertThat(Resources.gpus("gres/gpu:1")).isEqualTo(1);
        assertThat(Resources.gpus("gpu")).isEqualTo(1);
        assertThat(Resources.gpus("mps:100")).isZero();
        assertThat(Resources.gpus("(null)")).isZero();
        assertThat(Resources.gpus(null)).isZero();
    }

    @Test
    void requestedTres() {
        assertThat(Resources.tres("cpu=4,mem=16G,node=1,billing=4,gres/gpu=1"))
                .isEqualTo(new Resources.Request(4, 16384, 1));
        assertThat(Resources.tres("cpu=1,mem=512M,node=1")).isEqualTo(new Resources.Request(1, 512, 0));
        assertThat(Resources.mebibytes("1.5T")).isEqualTo(1572864);
        assertThat(Resources.tres(null)).isEqualTo(new Resources.Request(0, 0, 0));
    }
}
