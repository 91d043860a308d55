package org.rnnlab.experiments.cli;

import java.util.List;

/**
 * Attention weights as a text heatmap: a header of source tokens, then one line per output token with
 * each weight as a shade ({@code " .:-=+*#%@"} from 0 to 1), so the alignment shows in a terminal.
 */
final class AttentionText {
    private static final String SHADES = " .:-=+*#%@";

    private AttentionText() {}

    static String heatmap(List<String> source, List<String> output, float[][] weights) {
        if (weights.length == 0) {
            return "(this model has no attention: nothing to show)\n";
        }
        int label = 5;
        for (String o : output) {
            label = Math.max(label, o.length());
        }
        StringBuilder b = new StringBuilder();
        b.append(" ".repeat(label)).append(" |");
        for (String s : source) {
            b.append(shown(s));
        }
        b.append("|\n");
        for (int r = 0; r < weights.length; r++) {
            String o = r < output.size() ? output.get(r) : "?";
            b.append(" ".repeat(label - o.length())).append(o).append(" |");
            for (int c = 0; c < source.size(); c++) {
                float w = c < weights[r].length ? weights[r][c] : 0f;
                b.append(SHADES.charAt(Math.min(SHADES.length() - 1, Math.round(w * (SHADES.length() - 1)))));
            }
            b.append("|\n");
        }
        return b.toString();
    }

    /** One column per source token: its first character, a space shown as '_'. */
    private static char shown(String token) {
        if (token.isEmpty()) {
            return '?';
        }
        char c = token.charAt(0);
        return c == ' ' ? '_' : c;
    }
}
