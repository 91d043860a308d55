package org.rnnlab.model.embedding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.ConfigException;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.WordVectors;

/**
 * Fills an embedding table from a word-vectors file ({@code embedding.init}): the row of every word the file
 * holds becomes the file's vector, bit for bit; every other row keeps what it had (its seeded initialisation).
 * Words are matched exactly, case included.
 */
public final class PretrainedRows {
    private PretrainedRows() {}

    /**
     * Copies the file's vectors into {@code table} {@code [words.size(), dimension]} and returns how many of
     * {@code words} the file held. A file of another dimension is a {@link ConfigException} naming it
     * ({@code file}) and both sizes.
     */
    public static int copy(WordVectors vectors, String file, List<String> words, Tensor table) {
        int dimension = table.rowSize();
        if (table.rowCount() != words.size()) {
            throw new IllegalArgumentException(table.rowCount() + " rows for " + words.size() + " words");
        }
        requireDimension(vectors.dimension(), file, dimension);
        Map<String, Integer> rows = new HashMap<>(vectors.words().size() * 2);
        for (int i = 0; i < vectors.words().size(); i++) {
            rows.put(vectors.words().get(i), i);
        }
        float[] from = vectors.vectors();
        float[] to = table.data();
        int found = 0;
        for (int w = 0; w < words.size(); w++) {
            Integer row = rows.get(words.get(w));
            if (row != null) {
                System.arraycopy(from, row * dimension, to, table.offset() + w * dimension, dimension);
                found++;
            }
        }
        return found;
    }

    /** A {@link ConfigException} unless a file of vectors of {@code fileDimension} fits an embedding of {@code embedding}. */
    public static void requireDimension(int fileDimension, String file, int embedding) {
        if (fileDimension != embedding) {
            throw new ConfigException(mismatch(fileDimension, file, embedding));
        }
    }

    /** The one line that says a file's vectors do not fit the embedding. */
    public static String mismatch(int fileDimension, String file, int embedding) {
        return "setting 'embedding.init': " + file + " holds vectors of dimension " + fileDimension
                + " but setting 'embedding' is " + embedding + "; they must be equal";
    }
}
