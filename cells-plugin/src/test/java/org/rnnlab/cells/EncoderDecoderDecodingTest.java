package org.rnnlab.cells;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.api.ConfigException;
import org.rnnlab.model.seq2seq.BeamSearch;
import org.rnnlab.model.seq2seq.EncoderDecoder;
import org.rnnlab.model.seq2seq.EncoderDecoderSpec;
import org.rnnlab.model.seq2seq.GreedyDecoder;
import org.rnnlab.model.seq2seq.Translation;

/** Decoding on untrained models: limits, attention weights, determinism, and the spec's metadata. */
class EncoderDecoderDecodingTest {
    private static final List<int[]> SOURCES = List.of(new int[] {4, 5, 6, 7, 8}, new int[] {9}, new int[] {5, 5, 4});

    private static EncoderDecoder model(String attention, long seed) {
        return EncoderDecoder.create(new GruCellFactory(),
                new EncoderDecoderSpec(10, 9, 4, 3, "gru", Map.of(), 8, 1, attention, 6, true), new SplittableRandom(seed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"additive", "general", "dot"})
    void attentionWeightsCoverTheRealSourceStepsAndSumToOne(String attention) {
        List<Translation> out = new GreedyDecoder(model(attention, 1), 6).decode(SOURCES);
        for (int i = 0; i < SOURCES.size(); i++) {
            Translation t = out.get(i);
            assertThat(t.attention()).hasNumberOfRows(t.emitted());
            for (float[] row : t.attention()) {
                assertThat(row).hasSize(SOURCES.get(i).length);
                double sum = 0;
                for (float w : row) {
                    assertThat(w).isBetween(0f, 1f);
                    sum += w;
                }
                assertThat(sum).isCloseTo(1, within(1e-5));
            }
        }
    }

    @Test
    void decodingStopsAtTheLengthLimitOrEndToken() {
        EncoderDecoder m = model("none", 2);
        for (Translation t : new GreedyDecoder(m, 3).decode(SOURCES)) {
            assertThat(t.ended() ? t.tokens().length < 3 : t.tokens().length == 3).as("%s", t).isTrue();
            assertThat(t.attention()).isEmpty();
        }
        for (Translation t : new BeamSearch(m, 4, 1.0, 3).decode(SOURCES)) {
            assertThat(t.tokens().length).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void decodingIsDeterministicAndTheSeedFixesTheModel() {
        assertThat(new BeamSearch(model("additive", 3), 3, 0.7, 8).decode(SOURCES))
                .isEqualTo(new BeamSearch(model("additive", 3), 3, 0.7, 8).decode(SOURCES));
        for (int i = 0; i < model("dot", 4).parameters().size(); i++) {
            float[] weights = model("dot", 4).parameters().get(i).value().toArray();
            assertThat(weights).isEqualTo(model("dot", 4).parameters().get(i).value().toArray())
                    .isNotEqualTo(model("dot", 5).parameters().get(i).value().toArray());
        }
    }

    @Test
    void theSpecRoundTripsThroughMetadata() {
        EncoderDecoderSpec spec = new EncoderDecoderSpec(10, 9, 4, 3, "gru", Map.of("resetAfter", "false"), 8, 2, "general",
                6, true);
        assertThat(EncoderDecoderSpec.fromMetadata(spec.metadata(), true)).isEqualTo(spec);
        Map<String, String> broken = new java.util.HashMap<>(spec.metadata());
        broken.remove("attention");
        assertThatThrownBy(() -> EncoderDecoderSpec.fromMetadata(broken, true)).hasMessageStartingWith("the metadata has no 'attention'");
        broken.put("attention", "dot");
        broken.put("hidden", "x8");
        assertThatThrownBy(() -> EncoderDecoderSpec.fromMetadata(broken, true))
                .hasMessage("metadata 'hidden' is not a whole number: 'x8'");
    }

    @Test
    void unknownAttentionAndDotOfUnequalSizesAreRefused() {
        assertThatThrownBy(() -> model("luong", 1)).isInstanceOf(ConfigException.class)
                .hasMessage("unknown attention 'luong'; known: none, additive, general, dot");
    }
}
