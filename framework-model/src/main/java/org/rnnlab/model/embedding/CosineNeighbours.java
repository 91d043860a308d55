package org.rnnlab.model.embedding;

import java.util.List;

/**
 * Nearest neighbours by cosine similarity among rows of an embedding table, and neighbour class purity: for
 * each word of a known class, the share of its {@code k} nearest neighbours (itself excluded) in the same
 * class, averaged over the words. Ties in similarity go to the lower row, so the answer is deterministic.
 *
 * @param vectors {@code rows x dimension} values, row by row
 */
public record CosineNeighbours(float[] vectors, int dimension) {

    /** One neighbour: its row and cosine similarity. */
    public record Neighbour(int row, double cosine) {}

    /**
     * The {@code k} rows among {@code candidates} most similar to {@code row} by cosine, most similar first,
     * {@code row} itself left out.
     */
    public List<Neighbour> nearest(int row, int[] candidates, int k) {
        double self = norm(row);
        return TopRows.best(k, candidates, c -> c == row, c -> {
            double dot = 0;
            for (int d = 0; d < dimension; d++) {
                dot += (double) vectors[row * dimension + d] * vectors[c * dimension + d];
            }
            double denominator = self * norm(c);
            return denominator == 0 ? 0 : dot / denominator;
        }).stream().map(s -> new Neighbour(s.row(), s.score())).toList();
    }

    /**
     * Neighbour class purity at {@code k}: {@code classes[row]} is a row's class (negative: none, not scored);
     * only rows of a class with more than {@code k} members are scored (a smaller class cannot fill k places),
     * against neighbours among all rows that have a class. NaN when no row is scored.
     */
    public double purity(int[] classes, int k) {
        int max = 0;
        for (int c : classes) {
            max = Math.max(max, c + 1);
        }
        int[] sizes = new int[max];
        int classed = 0;
        for (int c : classes) {
            if (c >= 0) {
                sizes[c]++;
                classed++;
            }
        }
        int[] candidates = new int[classed];
        int n = 0;
        for (int row = 0; row < classes.length; row++) {
            if (classes[row] >= 0) {
                candidates[n++] = row;
            }
        }
        double sum = 0;
        int scored = 0;
        for (int row : candidates) {
            if (sizes[classes[row]] > k) {
                int same = 0;
                for (Neighbour nb : nearest(row, candidates, k)) {
                    same += classes[nb.row()] == classes[row] ? 1 : 0;
                }
                sum += same / (double) k;
                scored++;
            }
        }
        return scored == 0 ? Double.NaN : sum / scored;
    }

    private double norm(int row) {
        double s = 0;
        for (int d = 0; d < dimension; d++) {
            double v = vectors[row * dimension + d];
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
