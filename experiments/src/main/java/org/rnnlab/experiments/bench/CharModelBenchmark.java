package org.rnnlab.experiments.bench;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.api.data.PaddedIds;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.train.Optimizer;
import org.rnnlab.api.train.OptimizerFactory;
import org.rnnlab.engine.kernel.KernelThreads;
import org.rnnlab.engine.kernel.Kernels;
import org.rnnlab.model.ModelBatch;
import org.rnnlab.model.ModelInput;
import org.rnnlab.model.ModelSpec;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.Targets;
import org.rnnlab.model.train.GradientClipping;

/**
 * The training step of the peer benchmark {@code torch_rnn_bench.py}, run through rnnlab's own model,
 * clipping and optimiser: embedding(V, E) -> one cell layer (H; with {@code bidirectional} both directions,
 * and the head reads 2H) -> linear(H, V) -> cross-entropy over
 * all {@code B*T} positions, back-propagation through all T steps, gradients clipped to a global norm
 * of 5, then one Adam step at learning rate 1e-3. The kernels use {@code settings.threads()} threads. Inputs and targets are random ids drawn once from the
 * seed, so every step trains on the same batch (as the peer does) and the loss goes down.
 *
 * <p>Not thread-safe: one benchmark per thread.
 */
public final class CharModelBenchmark {
    /** The peer's {@code clip_grad_norm_(params, 5.0)}. */
    public static final double CLIP_NORM = 5.0;
    /** The peer's {@code Adam(params, lr=1e-3)}. */
    public static final double LEARNING_RATE = 1e-3;

    private final BenchSettings settings;
    private final SequenceModel model;
    private final Optimizer optimizer;
    private final ModelBatch batch;

    /**
     * A benchmark with fresh weights and data from {@code settings.seed()}.
     *
     * @param cells the factory of {@code settings.cell()}
     * @param adam  the {@code adam} optimiser factory (created with PyTorch's defaults)
     */
    public CharModelBenchmark(CellFactory cells, OptimizerFactory adam, BenchSettings settings) {
        this.settings = settings.validated();
        SplittableRandom random = new SplittableRandom(settings.seed());
        ModelSpec spec = new ModelSpec(TaskKind.LANGUAGE_MODELLING, true, settings.vocab(), settings.embed(),
                settings.vocab(), settings.cell(), settings.hidden(), 1, Map.of(), settings.fused(), settings.bidirectional());
        this.model = SequenceModel.create(cells, spec, random);
        this.optimizer = adam.create(Settings.of(Map.of()));
        int rows = settings.batch() * settings.seq();
        int[] ids = new int[rows];
        int[] targets = new int[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = random.nextInt(settings.vocab());
            targets[i] = random.nextInt(settings.vocab());
        }
        float[] mask = new float[rows];
        java.util.Arrays.fill(mask, 1f);
        int[] lengths = new int[settings.batch()];
        java.util.Arrays.fill(lengths, settings.seq());
        this.batch = new ModelBatch(new ModelInput.Ids(new PaddedIds(ids, mask, lengths, settings.seq(), settings.batch())),
                new Targets.StepClasses(targets));
    }

    /** One training step (forward, backward, clip, Adam); returns the mean loss before the update. */
    public double step() {
        double loss = model.trainStep(batch, List.of(), null, false).loss();
        GradientClipping.clipGlobalNorm(model.parameters(), CLIP_NORM);
        optimizer.step(model.parameters(), LEARNING_RATE);
        return loss;
    }

    /** Warm-up, then {@code steps} timed steps ({@link StepTimer}). */
    public BenchResult run() {
        KernelThreads.use(settings.threads());
        try {
            StepTimer.Timed t = StepTimer.run(this::step, settings.warmup(), settings.warmupSeconds(), settings.steps());
            Kernels kernels = Kernels.get();
            return new BenchResult(settings, t.warmupSteps(), t.seconds(), t.cpuSeconds(), flopsPerToken(), t.losses(),
                    kernels.name(), kernels.vectorBits(), kernels.tile(), t.allocatedBytesPerStep(), t.threadCpuSeconds(), t.pool());
        } finally {
            KernelThreads.use(1);
        }
    }

    /**
     * {@code steps} more training steps on {@code threads} kernel threads, timed, with no warm-up: after
     * {@link #run()}, the same model on another number of threads (the bits do not change with it).
     */
    StepTimer.Span time(int threads, int steps) {
        KernelThreads.use(threads);
        try {
            return StepTimer.span(this::step, steps);
        } finally {
            KernelThreads.use(1);
        }
    }

    /**
     * The peer's {@code flops_per_token = 2 * 3 * (gates*H*(E+H) + H*V)} (each term twice when
     * bidirectional): multiply-adds of the cell's
     * weight matrices and of the head, forward plus backward taken as three times forward. The cell's
     * part is read from its two-dimensional parameters, which gives the peer's number for rnn, lstm and
     * gru and the same measure for any other cell.
     */
    public long flopsPerToken() {
        long cellWeights = 0;
        for (ParameterSpec p : model.stack().parameters()) {
            if (p.shape().length == 2) {
                cellWeights += (long) p.shape()[0] * p.shape()[1];
            }
        }
        return 2L * 3L * (cellWeights + (long) model.spec().featureSize() * settings.vocab());
    }

    /** The model being trained (for tests and profiling). */
    public SequenceModel model() {
        return model;
    }
}
