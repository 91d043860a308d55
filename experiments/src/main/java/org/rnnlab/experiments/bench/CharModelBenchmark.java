package org.rnnlab.experiments.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
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

    /** Steps without any JIT compilation that end the warm-up (with {@link #QUIET_NANOS}). */
    static final int QUIET_STEPS = 3;
    /** Time without any JIT compilation that ends the warm-up: C2 compiles large methods for a while. */
    static final long QUIET_NANOS = 2_000_000_000L;

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

    /**
     * Warm-up, then {@code steps} timed steps. The warm-up runs {@code warmup} steps and, with
     * {@code warmupSeconds > 0}, goes on until the JIT compiler has been idle for {@link #QUIET_STEPS}
     * steps and {@link #QUIET_NANOS} (the kernels are compiled: the timed steps see the steady state of
     * a long training run), or until {@code warmupSeconds} have passed.
     */
    public BenchResult run() {
        KernelThreads.use(settings.threads());
        try {
            return measure();
        } finally {
            KernelThreads.use(1);
        }
    }

    private BenchResult measure() {
        java.util.ArrayList<Double> warm = new java.util.ArrayList<>();
        for (int i = 0; i < settings.warmup(); i++) {
            warm.add(step());
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (settings.warmupSeconds() > 0 && jit != null && jit.isCompilationTimeMonitoringSupported()) {
            long start = System.nanoTime();
            long limit = (long) (settings.warmupSeconds() * 1e9);
            long compiled = jit.getTotalCompilationTime();
            long quietSince = System.nanoTime();
            int quietSteps = 0;
            while (System.nanoTime() - start < limit
                    && (quietSteps < QUIET_STEPS || System.nanoTime() - quietSince < QUIET_NANOS)) {
                warm.add(step());
                long now = jit.getTotalCompilationTime();
                if (now != compiled) {
                    compiled = now;
                    quietSteps = 0;
                    quietSince = System.nanoTime();
                } else {
                    quietSteps++;
                }
            }
        }
        double[] losses = new double[warm.size() + settings.steps()];
        for (int i = 0; i < warm.size(); i++) {
            losses[i] = warm.get(i);
        }
        long allocStart = threadAllocatedBytes();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < settings.steps(); i++) {
            losses[warm.size() + i] = step();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        long allocEnd = threadAllocatedBytes();
        double bytesPerStep = allocStart < 0 || allocEnd < 0 ? Double.NaN : (allocEnd - allocStart) / (double) settings.steps();
        Kernels kernels = Kernels.get();
        return new BenchResult(settings, warm.size(), seconds, cpuSeconds, flopsPerToken(), losses, kernels.name(), kernels.vectorBits(),
                kernels.tile(), bytesPerStep);
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

    /**
     * CPU time of the whole process (GC and compiler threads included, as Python's {@code process_time}
     * counts every thread), or -1 where the JVM cannot tell.
     */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Bytes allocated so far by the calling thread (which runs every kernel), or -1 where the JVM cannot tell. */
    private static long threadAllocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads) {
            return threads.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    /** The model being trained (for tests and profiling). */
    public SequenceModel model() {
        return model;
    }
}
