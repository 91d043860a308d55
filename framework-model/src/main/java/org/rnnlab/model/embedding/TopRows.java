package org.rnnlab.model.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * The {@code k} rows of a table with the highest scores, best first. Ties go to the lower row, so the answer
 * does not depend on anything but the scores; a row that {@code skip} accepts is never among them.
 */
final class TopRows {
    private TopRows() {}

    /** A row and its score. */
    record Scored(int row, double score) {}

    static List<Scored> best(int k, int[] rows, IntPredicate skip, IntToDoubleFunction score) {
        // the worst of the best k at the head: the lower score, and of equal scores the higher row
        PriorityQueue<Scored> best = new PriorityQueue<>(Math.max(1, k + 1), (x, y) -> x.score() != y.score()
                ? Double.compare(x.score(), y.score()) : Integer.compare(y.row(), x.row()));
        for (int row : rows) {
            if (k <= 0 || skip.test(row)) {
                continue;
            }
            best.add(new Scored(row, score.applyAsDouble(row)));
            if (best.size() > k) {
                best.poll();
            }
        }
        List<Scored> out = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            out.addFirst(best.poll());
        }
        return out;
    }

    /** {@code 0, 1, ..., n - 1}. */
    static int[] all(int n) {
        return java.util.stream.IntStream.range(0, n).toArray();
    }
}
