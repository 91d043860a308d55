package org.rnnlab.benchmarks;

import java.util.Locale;

/**
 * GEMM shapes of a character-LM step: B = 32, T = 64 (2048 rows), embedding E = 64, head V = 65,
 * cells with G gates (1 rnn, 3 gru, 4 lstm) of H units. Names: {@code proj-H<h>-G<g>},
 * {@code rec-H<h>-G<g>}, {@code recnn-H<h>-G<g>}, {@code head-H<h>}, {@code recgrad-H<h>-G<g>}, {@code recgradnt-H<h>-G<g>}, {@code wgrad-H<h>-G<g>}.
 */
public final class GemmShapes {
    static final int BATCH = 32;
    static final int ROWS = 2048;
    static final int EMBED = 64;
    static final int VOCAB = 65;

    private GemmShapes() {}

    public enum Form { NN, NT, TN }

    /** {@code C[m,n] = op(A) op(B)} with shared dimension {@code k}. */
    public record Shape(Form form, int m, int n, int k) {
        public double flops() {
            return 2.0 * m * n * k;
        }
    }

    public static Shape byName(String name) {
        String[] p = name.toLowerCase(Locale.ROOT).split("-");
        int h = Integer.parseInt(p[1].substring(1));
        int g = p.length > 2 ? Integer.parseInt(p[2].substring(1)) : 1;
        return switch (p[0]) {
            // input projection of all steps: X[T*B, E] * W_ih[G*H, E]^T
            case "proj" -> new Shape(Form.NT, ROWS, g * h, EMBED);
            // recurrent product of one step: h[B, H] * W_hh[G*H, H]^T
            case "rec" -> new Shape(Form.NT, BATCH, g * h, h);
            // head over all steps: Y[T*B, H] * W_out[V, H]^T
            case "head" -> new Shape(Form.NT, ROWS, VOCAB, h);
            // the same with W_hh transposed once per sequence (what the fused cells do): h[B, H] * W_hh^T[H, G*H]
            case "recnn" -> new Shape(Form.NN, BATCH, g * h, h);
            // gradient into h of one step: dZ[B, G*H] * W_hh[G*H, H]
            case "recgrad" -> new Shape(Form.NN, BATCH, h, g * h);
            // the same with W_hh^T[H, G*H] materialised once per sequence: dZ[B, G*H] * (W_hh^T)^T
            case "recgradnt" -> new Shape(Form.NT, BATCH, h, g * h);
            // weight gradient over all steps: dZ[T*B, G*H]^T * H[T*B, H]
            case "wgrad" -> new Shape(Form.TN, g * h, h, ROWS);
            default -> throw new IllegalArgumentException("unknown GEMM shape " + name);
        };
    }
}
