package org.rnnlab.model.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.ConfigException;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.WordVectors;

class PretrainedRowsTest {
    @Test
    void rowsOfWordsInTheFileAreCopiedBitForBitAndTheOthersKept() {
        WordVectors file = new WordVectors(List.of("good", "bad", "unused"),
                new float[] {0.1f, -0f, Float.MIN_VALUE, 3e38f, 7, 8}, 2);
        Tensor table = Tensor.of(new float[] {1, 1, 2, 2, 3, 3, 4, 4}, 4, 2);
        int found = PretrainedRows.copy(file, "v.txt", List.of("<pad>", "bad", "Good", "good"), table);
        assertThat(found).isEqualTo(2);
        assertThat(table.toArray()).usingElementComparator((a, b) -> Integer.compare(Float.floatToRawIntBits(a),
                Float.floatToRawIntBits(b))).containsExactly(1, 1, Float.MIN_VALUE, 3e38f, 3, 3, 0.1f, -0f);
    }

    @Test
    void anotherDimensionIsRefusedNamingTheFileAndBothSizes() {
        WordVectors file = new WordVectors(List.of("a"), new float[] {1, 2, 3}, 3);
        assertThatThrownBy(() -> PretrainedRows.copy(file, "vectors.txt", List.of("a"), Tensor.zeros(1, 2)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("setting 'embedding.init': vectors.txt holds vectors of dimension 3 but setting 'embedding' is 2;"
                        + " they must be equal");
    }
}
