package org.rnnlab.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import org.rnnlab.engine.kernel.Kernels;
import org.rnnlab.engine.kernel.ScalarKernels;
import org.rnnlab.engine.kernel.VectorKernels;

/**
 * GFLOP/s per second of this thread's CPU time, for the shapes of {@link GemmShapes}. On a machine
 * shared with other work, wall-clock benchmarks (JMH) measure the share of the core we got; CPU time
 * measures what the kernel does when it runs. Usage:
 * {@code java --add-modules jdk.incubator.vector -cp ... org.rnnlab.benchmarks.GemmCpuTime [vector|scalar] [shape...]}
 */
public final class GemmCpuTime {
    private static final int ROUNDS = Integer.getInteger("rounds", 9);

    private GemmCpuTime() {}

    public static void main(String[] args) {
        Kernels k = args.length > 0 && args[0].equals("scalar") ? new ScalarKernels() : new VectorKernels();
        String[] shapes = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length)
                : new String[] {"proj-H128-G4", "rec-H128-G4", "recnn-H128-G4", "head-H128", "recgrad-H128-G4", "wgrad-H128-G4",
                        "proj-H512-G4", "rec-H512-G4", "recnn-H512-G4", "head-H512", "recgrad-H512-G4", "wgrad-H512-G4"};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (k.name().equals("vector")) {
            double peak12 = 0;
            double peak24 = 0;
            for (int round = 0; round < 5; round++) {
                long t0 = threads.getCurrentThreadCpuTime();
                long fmas = FmaPeak.run(50_000_000);
                long t1 = threads.getCurrentThreadCpuTime();
                peak12 = Math.max(peak12, 2.0 * fmas / (t1 - t0));
                fmas = FmaPeak.run24(25_000_000);
                peak24 = Math.max(peak24, 2.0 * fmas / (threads.getCurrentThreadCpuTime() - t1));
            }
            System.out.printf("register-only FMA throughput: %.1f GFLOP/s with 12 chains, %.1f with 24 (best of 5, CPU time, %d-bit)%n",
                    peak12, peak24, FloatVector.SPECIES_PREFERRED.vectorBitSize());
        }
        for (String name : shapes) {
            GemmShapes.Shape s = GemmShapes.byName(name);
            SplittableRandom r = new SplittableRandom(1);
            float[] a = random(r, s.m() * s.k());
            float[] b = random(r, s.n() * s.k());
            float[] c = new float[s.m() * s.n()];
            int reps = (int) Math.max(3, 2e9 / s.flops());
            // untimed calls first, for a second of CPU: C2 takes a while over the large register tiles, and
            // a shape measured before they are compiled reads several times too slow
            long warm = threads.getCurrentThreadCpuTime();
            while (threads.getCurrentThreadCpuTime() - warm < 1_000_000_000L) {
                run(k, s, a, b, c);
            }
            double best = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < reps; i++) {
                    run(k, s, a, b, c);
                }
                long t1 = threads.getCurrentThreadCpuTime();
                best = Math.max(best, s.flops() * reps / (t1 - t0));
            }
            System.out.printf("%-8s %-18s %-2s m=%4d n=%4d k=%4d  %6.1f GFLOP/s (best of %d, CPU time)%n",
                    k.name(), name, s.form(), s.m(), s.n(), s.k(), best, ROUNDS);
        }
    }

    static void run(Kernels k, GemmShapes.Shape s, float[] a, float[] b, float[] c) {
        int m = s.m();
        int n = s.n();
        int kk = s.k();
        switch (s.form()) {
            case NN -> k.gemmNN(m, n, kk, a, 0, kk, b, 0, n, c, 0, n, false);
            case NT -> k.gemmNT(m, n, kk, a, 0, kk, b, 0, kk, c, 0, n, false);
            case TN -> k.gemmTN(m, n, kk, a, 0, m, b, 0, n, c, 0, n, true);
        }
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble(-1, 1);
        }
        return x;
    }
}
