package org.rnnlab.cells;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.model.seq2seq.EncoderDecoder;
import org.rnnlab.model.seq2seq.EncoderDecoderSpec;
import org.rnnlab.model.seq2seq.PairBatch;
import org.rnnlab.api.train.Parameter;
import org.rnnlab.engine.Tensor;
import org.rnnlab.runtime.reference.ReferenceCheck;

/**
 * The encoder-decoder against PyTorch ({@code seq2seq-gru.json}, made by {@code tools/seq2seq_reference.py}:
 * an {@code nn.GRU} encoder over padded sources, an {@code nn.GRUCell} decoder, without attention and with
 * additive, general and dot attention): the loss, every logit and every parameter's gradient within
 * {@link ReferenceCheck#RELATIVE_TOLERANCE} (1e-4, relative to each tensor's scale; see there), on the
 * composed and the fused cell path.
 */
class EncoderDecoderReferenceTest {

    static Stream<Arguments> cases() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(EncoderDecoderReferenceTest.class.getResource("/reference/seq2seq-gru.json"));
        return StreamSupport.stream(doc.get("cases").spliterator(), false)
                .flatMap(c -> Stream.of(Arguments.of(c.get("attention").asText(), c, false),
                        Arguments.of(c.get("attention").asText(), c, true)));
    }

    @ParameterizedTest(name = "attention={0} fused={2}")
    @MethodSource("cases")
    void reproducesPyTorch(String attention, JsonNode c, boolean fused) {
        EncoderDecoderSpec spec = new EncoderDecoderSpec(c.get("Vs").asInt(), c.get("Vt").asInt(), c.get("Es").asInt(),
                c.get("Et").asInt(), "gru", Map.of(), c.get("H").asInt(), 1, attention, c.get("A").asInt(), fused);
        EncoderDecoder model = EncoderDecoder.create(new GruCellFactory(), spec, new SplittableRandom(1));
        Map<String, Tensor> weights = new HashMap<>();
        c.get("parameters").properties().forEach(e -> weights.put(e.getKey(), tensor(e.getValue())));
        assertThat(model.parameters()).extracting(Parameter::name).containsExactlyInAnyOrderElementsOf(weights.keySet());
        model.load(weights);
        PairBatch batch = PairBatch.of(ids(c.get("sources")), ids(c.get("targets")));

        Map<String, Double> errors = new LinkedHashMap<>();
        Tensor logits = model.teacherForcedLogits(batch);
        errors.put("logits", error(logits, c.get("logits")));
        double loss = model.trainStep(batch);
        double expectedLoss = c.get("loss").asDouble();
        errors.put("loss", Math.abs(loss - expectedLoss) / Math.max(1, Math.abs(expectedLoss)));
        for (Parameter p : model.parameters()) {
            errors.put("grad " + p.name(), error(p.grad(), c.get("gradients").get(p.name())));
        }
        System.out.printf("attention=%s fused=%s largest relative error %.2e%n", attention, fused,
                errors.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        assertThat(errors).hasSize(2 + weights.size());
        assertThat(errors.values()).as("relative errors %s", errors).allMatch(e -> e <= ReferenceCheck.RELATIVE_TOLERANCE);
        // the same batch again gives the same bits: the graph is reset, nothing carried over
        model.trainStep(batch);
        assertThat(model.trainStep(batch)).isEqualTo(loss);
    }

    private static double error(Tensor actual, JsonNode expected) {
        double[] e = values(expected);
        assertThat(actual.size()).isEqualTo(e.length);
        return ReferenceCheck.relativeError(actual.data(), actual.offset(), e);
    }

    private static Tensor tensor(JsonNode n) {
        int[] shape = StreamSupport.stream(n.get("shape").spliterator(), false).mapToInt(JsonNode::asInt).toArray();
        double[] v = values(n);
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return Tensor.of(f, shape);
    }

    private static double[] values(JsonNode n) {
        return StreamSupport.stream(n.get("data").spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();
    }

    private static List<int[]> ids(JsonNode lists) {
        List<int[]> out = new ArrayList<>();
        lists.forEach(l -> out.add(StreamSupport.stream(l.spliterator(), false).mapToInt(JsonNode::asInt).toArray()));
        return out;
    }
}
