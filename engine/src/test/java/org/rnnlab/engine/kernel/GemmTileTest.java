package org.rnnlab.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How the register tile and the vector width are chosen, and pinned. */
class GemmTileTest {

    @Test
    void theWideTileWhereThereAreThirtyTwoVectorRegisters() {
        assertThat(GemmTile.choose(null, "amd64", 512)).isEqualTo(GemmTile.WIDE);
        assertThat(GemmTile.choose(null, "aarch64", 128)).isEqualTo(GemmTile.WIDE);
        assertThat(GemmTile.choose("", "amd64", 256)).isEqualTo(GemmTile.NARROW);
    }

    @Test
    void aPinnedTileWinsAndAnUnknownOneIsRefusedByName() {
        assertThat(GemmTile.choose(" 4x3 ", "amd64", 512)).isEqualTo(GemmTile.NARROW);
        assertThat(GemmTile.choose("8X3", "amd64", 256)).isEqualTo(GemmTile.WIDE);
        assertThatThrownBy(() -> GemmTile.choose("6x4", "amd64", 512))
                .hasMessageContaining("rnnlab.gemm.tile=6x4").hasMessageContaining("4x3 or 8x3");
    }

    @Test
    void theVectorWidthCanBeNarrowedButNotWidened() {
        int preferred = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize();
        assertThat(VectorKernels.species(null).vectorBitSize()).isEqualTo(preferred);
        assertThat(VectorKernels.species("128").vectorBitSize()).isEqualTo(128);
        assertThatThrownBy(() -> VectorKernels.species("96")).hasMessageContaining("128, 256 or 512");
        if (preferred < 512) {
            assertThatThrownBy(() -> VectorKernels.species("512")).hasMessageContaining("wider than this CPU");
        }
    }
}
