package org.rnnlab.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.train.Optimizer;
import org.rnnlab.api.train.OptimizerFactory;
import org.rnnlab.engine.kernel.KernelThreads;
import org.rnnlab.model.seq2seq.EncoderDecoder;
import org.rnnlab.model.seq2seq.EncoderDecoderSpec;
import org.rnnlab.model.seq2seq.PairBatch;
import org.rnnlab.model.train.GradientClipping;

/**
 * The training step of the peer benchmark {@code torch_seq2seq_bench.py}, run through rnnlab's
 * {@link EncoderDecoder}, clipping and optimiser: embedding(Vs, Es) -> one-layer encoder (H) over S steps ->
 * decoder state from the encoder's last -> decoder over T steps with teacher forcing (and attention over the
 * encoder's outputs) -> linear over Vt -> cross-entropy over all {@code B*T} decoder steps, gradients clipped
 * to a global norm of 5, one Adam step at 1e-3. Sources and targets are random ids drawn once from the seed
 * (every step trains on the same batch, as the peer does). Tokens per step: {@code B*(S+T)}, as the peer
 * counts them.
 *
 * <p>Not thread-safe: one benchmark per thread.
 */
final class Seq2SeqBenchmark {
    private final BenchSettings settings;
    private final Seq2SeqShape shape;
    private final EncoderDecoder model;
    private final Optimizer optimizer;
    private final PairBatch batch;

    /** What one run measured. */
    record Result(BenchSettings settings, Seq2SeqShape shape, StepTimer.Timed timed) {
        long tokensPerStep() {
            return (long) settings.batch() * (shape.sourceLength() + shape.targetLength());
        }

        double tokensPerSecond() {
            return settings.steps() * (double) tokensPerStep() / timed.seconds();
        }

        double tokensPerCpuSecond() {
            return timed.cpuSeconds() > 0 ? settings.steps() * (double) tokensPerStep() / timed.cpuSeconds() : Double.NaN;
        }
    }

    /** {@code settings}' cell, H, B, steps and warm-up, with {@code shape}'s sizes and attention. */
    Seq2SeqBenchmark(CellFactory cells, OptimizerFactory adam, BenchSettings settings, Seq2SeqShape shape) {
        this.settings = settings.validated();
        this.shape = shape;
        SplittableRandom random = new SplittableRandom(settings.seed());
        EncoderDecoderSpec spec = new EncoderDecoderSpec(shape.sourceVocab(), shape.targetVocab(), shape.sourceEmbed(),
                shape.targetEmbed(), settings.cell(), Map.of(), settings.hidden(), 1, shape.attention(), settings.hidden(),
                settings.fused());
        this.model = EncoderDecoder.create(cells, spec, random);
        this.optimizer = adam.create(Settings.of(Map.of()));
        List<int[]> sources = new ArrayList<>();
        List<int[]> targets = new ArrayList<>();
        for (int b = 0; b < settings.batch(); b++) {
            sources.add(ids(random, shape.sourceLength(), shape.sourceVocab()));
            // the decoder also emits the end token: T steps for T - 1 target tokens
            targets.add(ids(random, shape.targetLength() - 1, shape.targetVocab()));
        }
        this.batch = PairBatch.of(sources, targets);
    }

    /** Ids past the four special tokens, as the peer draws them. */
    private static int[] ids(SplittableRandom random, int length, int vocabulary) {
        int[] ids = new int[length];
        for (int i = 0; i < length; i++) {
            ids[i] = 4 + random.nextInt(vocabulary - 4);
        }
        return ids;
    }

    /** One training step (forward, backward, clip, Adam); returns the mean loss before the update. */
    double step() {
        double loss = model.trainStep(batch);
        GradientClipping.clipGlobalNorm(model.parameters(), CharModelBenchmark.CLIP_NORM);
        optimizer.step(model.parameters(), CharModelBenchmark.LEARNING_RATE);
        return loss;
    }

    Result run() {
        KernelThreads.use(settings.threads());
        try {
            return new Result(settings, shape, StepTimer.run(this::step, settings.warmup(), settings.warmupSeconds(),
                    settings.steps()));
        } finally {
            KernelThreads.use(1);
        }
    }
}
