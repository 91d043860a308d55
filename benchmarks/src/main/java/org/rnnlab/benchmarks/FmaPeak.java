package org.rnnlab.benchmarks;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused multiply-add throughput one core reaches from Java with no memory traffic: twelve
 * independent accumulator chains (enough to cover the FMA latency on both pipes). This is the
 * practical ceiling a GEMM micro-kernel can approach.
 */
final class FmaPeak {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static volatile float sink;

    private FmaPeak() {}

    /** Runs {@code iterations * 12} vector FMAs and returns the number of lane FMAs done. */
    static long run(int iterations) {
        FloatVector x = FloatVector.broadcast(S, 0.999f);
        FloatVector y = FloatVector.broadcast(S, 1e-3f);
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
        FloatVector a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (int i = 0; i < iterations; i++) {
            a0 = a0.fma(x, y);
            a1 = a1.fma(x, y);
            a2 = a2.fma(x, y);
            a3 = a3.fma(x, y);
            a4 = a4.fma(x, y);
            a5 = a5.fma(x, y);
            a6 = a6.fma(x, y);
            a7 = a7.fma(x, y);
            a8 = a8.fma(x, y);
            a9 = a9.fma(x, y);
            a10 = a10.fma(x, y);
            a11 = a11.fma(x, y);
        }
        sink = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(VectorOperators.ADD);
        return 12L * iterations * S.length();
    }

    /**
     * The same with twenty-four chains: a core with two FMA pipes of latency four needs eight chains in
     * flight, but a deeper pipeline or a third pipe would need more; the higher of the two runs is the ceiling.
     */
    static long run24(int iterations) {
        FloatVector x = FloatVector.broadcast(S, 0.999f);
        FloatVector y = FloatVector.broadcast(S, 1e-3f);
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
        FloatVector a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        FloatVector b0 = a0, b1 = a0, b2 = a0, b3 = a0, b4 = a0, b5 = a0;
        FloatVector b6 = a0, b7 = a0, b8 = a0, b9 = a0, b10 = a0, b11 = a0;
        for (int i = 0; i < iterations; i++) {
            a0 = a0.fma(x, y);
            a1 = a1.fma(x, y);
            a2 = a2.fma(x, y);
            a3 = a3.fma(x, y);
            a4 = a4.fma(x, y);
            a5 = a5.fma(x, y);
            a6 = a6.fma(x, y);
            a7 = a7.fma(x, y);
            a8 = a8.fma(x, y);
            a9 = a9.fma(x, y);
            a10 = a10.fma(x, y);
            a11 = a11.fma(x, y);
            b0 = b0.fma(x, y);
            b1 = b1.fma(x, y);
            b2 = b2.fma(x, y);
            b3 = b3.fma(x, y);
            b4 = b4.fma(x, y);
            b5 = b5.fma(x, y);
            b6 = b6.fma(x, y);
            b7 = b7.fma(x, y);
            b8 = b8.fma(x, y);
            b9 = b9.fma(x, y);
            b10 = b10.fma(x, y);
            b11 = b11.fma(x, y);
        }
        FloatVector a = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11);
        FloatVector b = b0.add(b1).add(b2).add(b3).add(b4).add(b5).add(b6).add(b7).add(b8).add(b9).add(b10).add(b11);
        sink = a.add(b).reduceLanes(VectorOperators.ADD);
        return 24L * iterations * S.length();
    }
}
