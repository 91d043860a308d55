package org.rnnlab.api.task;

import java.util.List;
import java.util.Optional;
import org.rnnlab.engine.Tensor;

/**
 * The table of word vectors, one row per word of its vocabulary, that a {@link TaskModel} reads its input
 * through ({@link TaskModel#wordEmbedding()}): what {@code lab embeddings MODEL_FILE} reads from a rebuilt
 * model, and what the trainer maps in two dimensions for the report at the end of a run
 * ({@link org.rnnlab.api.event.EmbeddingMap}). A model whose tokens are not words (characters) or whose input
 * is not a learned table (one-hot, feature vectors) offers none.
 *
 * <p>Row {@code i} of {@link #embeddingTable()} is the vector of {@code embeddingWords().get(i)}. The special
 * tokens of {@link org.rnnlab.api.data.Vocabulary} ({@code <pad>}, {@code <unk>}, ...) may be rows too;
 * whoever looks for similar words skips them. Where the task knows how often words occur, the more frequent
 * come first (a fitted {@link org.rnnlab.api.data.Vocabulary} is in that order), so the first rows are the
 * words a map should show.
 *
 * @since 0.3
 */
public interface WordEmbedding {

    /** The table's name among the model's parameters, e.g. {@code embedding.weight}. */
    String tableName();

    /** The word of each row, in row order; no word twice. */
    List<String> embeddingWords();

    /** The table {@code [embeddingWords().size(), dimension]}: the model's own values, not a copy. */
    Tensor embeddingTable();

    /** Words a report should mark on the map and list the neighbours of; empty to let the map choose. */
    default List<String> probeWords() {
        return List.of();
    }

    /** How the table was first filled from a word-vectors file ({@code embedding.init}); empty when it was not. */
    default Optional<Import> embeddingImport() {
        return Optional.empty();
    }

    /**
     * The rows a word-vectors file gave a new model.
     *
     * @param file      the file, as the setting named it; for vectors trained before the run
     *                  ({@code embedding.init=skipgram}), what was trained on what
     * @param found     how many of the table's words the file holds (their rows are the file's)
     * @param words     the table's words
     * @param trainable whether training may change the table ({@code false}: it stays as the file gave it)
     */
    record Import(String file, int found, int words, boolean trainable) {}
}
