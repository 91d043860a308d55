package org.rnnlab.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rnnlab.engine.kernel.Kernels;
import org.rnnlab.engine.kernel.ScalarKernels;
import org.rnnlab.engine.kernel.VectorKernels;

/**
 * The GEMMs of one character-LM training step (embedding 64 -> cell with G gates of H units -> linear
 * head of 65 classes; B = 32, T = 64, so 2048 rows), in the three forms the engine offers.
 * Reported as time per call; GFLOP/s = 2 m n k / time. {@link GemmShapes} lists the shapes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class GemmBenchmark {

    @Param({"vector", "scalar"})
    public String kernels;

    /** A name from {@link GemmShapes}. */
    @Param({"proj-H128-G4", "rec-H128-G4", "recnn-H128-G4", "head-H128", "recgrad-H128-G4", "wgrad-H128-G4",
            "proj-H512-G4", "rec-H512-G4", "recnn-H512-G4", "head-H512", "recgrad-H512-G4", "wgrad-H512-G4"})
    public String shape;

    private Kernels k;
    private GemmShapes.Shape s;
    private float[] a;
    private float[] b;
    private float[] c;

    @Setup(Level.Trial)
    public void setUp() {
        k = kernels.equals("vector") ? new VectorKernels() : new ScalarKernels();
        s = GemmShapes.byName(shape);
        SplittableRandom r = new SplittableRandom(1);
        a = random(r, s.m() * s.k());
        b = random(r, s.n() * s.k());
        c = new float[s.m() * s.n()];
    }

    @Benchmark
    public float gemm() {
        int m = s.m();
        int n = s.n();
        int kk = s.k();
        switch (s.form()) {
            case NN -> k.gemmNN(m, n, kk, a, 0, kk, b, 0, n, c, 0, n, false);
            case NT -> k.gemmNT(m, n, kk, a, 0, kk, b, 0, kk, c, 0, n, false);
            case TN -> k.gemmTN(m, n, kk, a, 0, m, b, 0, n, c, 0, n, true);
        }
        return c[c.length - 1];
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble(-1, 1);
        }
        return x;
    }
}
