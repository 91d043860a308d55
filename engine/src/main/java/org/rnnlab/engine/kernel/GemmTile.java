package org.rnnlab.engine.kernel;

import java.util.Locale;

/**
 * The register tile of the vector GEMM: how many rows of {@code C} one micro-kernel keeps in registers
 * against three vectors of columns, and how many rows of {@code W} the per-step recurrent product
 * ({@code C^T = W A^T}, two vectors of columns) takes at once. A tile needs one register per
 * accumulator plus the loaded vectors and a broadcast; more accumulators hide more of the FMA latency
 * (a core with two FMA pipes of latency 4 needs eight chains in flight, and one that overlaps more
 * needs more), as long as they fit in the registers.
 *
 * <p>The choice does not change results: every element is the same chain of fused multiply-adds
 * whatever the tile (see {@link Kernels}).
 */
enum GemmTile {
    /** 4 x 3 vectors (12 accumulators) and 8 x 2 (16): fits 16 vector registers (AVX2). */
    NARROW("4x3", 4, 8),
    /** 8 x 3 vectors (24 accumulators) and 12 x 2 (24): for 32 vector registers (AVX-512, NEON, SVE). */
    WIDE("8x3", 8, 12);

    /** Pins the tile: {@code 4x3} or {@code 8x3}. */
    static final String PROPERTY = "rnnlab.gemm.tile";

    private final String label;
    final int rows;
    final int transposedRows;

    GemmTile(String label, int rows, int transposedRows) {
        this.label = label;
        this.rows = rows;
        this.transposedRows = transposedRows;
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * The pinned tile if {@code property} names one, else the widest that fits the vector registers:
     * 32 of them on x86 with AVX-512 (which {@code preferredBits} = 512 reveals; they stay available to
     * 128- and 256-bit vectors there) and on AArch64, 16 on other x86 cores.
     */
    static GemmTile choose(String property, String arch, int preferredBits) {
        if (property != null && !property.isBlank()) {
            String p = property.trim().toLowerCase(Locale.ROOT);
            for (GemmTile t : values()) {
                if (t.label.equals(p)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("-D" + PROPERTY + "=" + property + " is not a tile; use 4x3 or 8x3");
        }
        boolean aarch64 = arch != null && arch.toLowerCase(Locale.ROOT).contains("aarch64");
        return aarch64 || preferredBits >= 512 ? WIDE : NARROW;
    }
}
