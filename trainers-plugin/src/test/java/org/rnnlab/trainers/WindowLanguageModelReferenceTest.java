package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.data.NextTokenBatch;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.InputWindow;
import org.rnnlab.model.ModelBatch;
import org.rnnlab.model.ModelInput;
import org.rnnlab.model.ModelSpec;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.Targets;

/**
 * Windowed next-word models against PyTorch ({@code reference/window-lm.json}, made by
 * {@code trainers-plugin/tools/window_lm_reference.py}): the mean (bag-of-words) or the concatenation
 * (fixed-window, Bengio et al. 2003) of the last three embeddings, {@code <pad>} before the start, then
 * the dense tanh layer and the head, on a padded batch of two sequences. Loss and every parameter's
 * gradient, composed and fused; and the logits of generation, one token at a time with the window carried
 * between calls, against the logits PyTorch computed over the whole sequence.
 *
 * <p>Tolerance as the other reference checks: relative error 1e-4, each element judged against at least
 * 1% of its tensor's largest entry; float32 rounding through these few sums stays near 1e-6, a token in
 * the wrong slot is of order 1.
 */
class WindowLanguageModelReferenceTest {
    private static final double TOLERANCE = 1e-4;
    private static final double FLOOR = 1e-2;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void lossAndGradientsMatchPyTorch(boolean fused) throws Exception {
        JsonNode root = ReferenceJson.read("/reference/window-lm.json");
        assertThat(root.get("cases")).hasSize(2);
        for (JsonNode c : root.get("cases")) {
            SequenceModel model = model(c, fused);
            NextTokenBatch next = NextTokenBatch.of(sequences(c));
            ModelBatch batch = new ModelBatch(new ModelInput.Ids(next.inputs()), new Targets.StepClasses(next.targets().ids()));
            SequenceModel.StepResult result = model.trainStep(batch, List.of(), null, false);
            String what = c.get("kind").asText() + (fused ? " fused" : " composed");
            assertThat(ReferenceJson.relativeError(new double[] {result.loss()}, new double[] {c.get("loss").asDouble()}, FLOOR))
                    .as(what + " loss").isLessThanOrEqualTo(TOLERANCE);
            Map<String, Tensor> grads = new LinkedHashMap<>();
            model.parameters().forEach(p -> grads.put(p.name(), p.grad()));
            assertThat(grads.keySet()).containsExactlyElementsOf(iterable(c.get("gradients").fieldNames()));
            c.get("gradients").fields().forEachRemaining(e -> assertThat(ReferenceJson.relativeError(
                    ReferenceJson.values(grads.get(e.getKey())), ReferenceJson.values(e.getValue()), FLOOR))
                    .as(what + " gradient of " + e.getKey()).isLessThanOrEqualTo(TOLERANCE));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void generationCarriesTheWindowFromCallToCall(int sequence) throws Exception {
        for (JsonNode c : ReferenceJson.read("/reference/window-lm.json").get("cases")) {
            SequenceModel model = model(c, false);
            int[] tokens = sequences(c).get(sequence);
            int batch = c.get("sequences").size();
            int vocab = c.get("vocab").asInt();
            double[] expected = ReferenceJson.values(c.get("logits"));
            List<Tensor> states = new ArrayList<>();
            for (int t = 0; t <= tokens.length; t++) {
                float[] logits = model.nextLogits(t == 0 ? Vocabulary.BOS : tokens[t - 1], states);
                double[] want = new double[vocab];
                System.arraycopy(expected, (t * batch + sequence) * vocab, want, 0, vocab);
                double[] got = new double[vocab];
                for (int v = 0; v < vocab; v++) {
                    got[v] = logits[v];
                }
                assertThat(ReferenceJson.relativeError(got, want, FLOOR))
                        .as(c.get("kind").asText() + " logits at step " + t).isLessThanOrEqualTo(TOLERANCE);
            }
        }
    }

    private static SequenceModel model(JsonNode c, boolean fused) {
        int vocab = c.get("vocab").asInt();
        InputWindow window = new InputWindow(c.get("window").asInt(), c.get("kind").asText().equals("fixed-window"));
        ModelSpec spec = new ModelSpec(TaskKind.LANGUAGE_MODELLING, true, vocab, c.get("embedding").asInt(), vocab, "dense",
                c.get("hidden").asInt(), 1, Map.of(), fused, false, window);
        SequenceModel model = SequenceModel.create(new TestComponents().get(ComponentKind.CELL, "dense"), spec,
                new SplittableRandom(0));
        Map<String, Tensor> values = new LinkedHashMap<>();
        c.get("parameters").fields().forEachRemaining(e -> values.put(e.getKey(), ReferenceJson.tensor(e.getValue())));
        model.load(values);
        return model;
    }

    private static List<int[]> sequences(JsonNode c) {
        List<int[]> out = new ArrayList<>();
        for (JsonNode s : c.get("sequences")) {
            int[] ids = new int[s.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = s.get(i).asInt();
            }
            out.add(ids);
        }
        return out;
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
