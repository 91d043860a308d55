package org.rnnlab.model;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.RnnlabException;

/**
 * Word embeddings in the word2vec text format that gensim ({@code KeyedVectors.load_word2vec_format(...,
 * binary=False)}) and others read and write: a header line {@code COUNT DIMENSION}, then one line per word,
 * the word and its {@code DIMENSION} values separated by single spaces, UTF-8.
 *
 * <p>Values are written with {@link Float#toString}, the shortest text that reads back to the same float,
 * so a file written and read again gives identical vectors. Reading refuses a damaged file with one line
 * naming the file and the line: a header that is not two positive integers, a line with too few or too
 * many values, a value that is not a finite number, a word seen twice, and a header that lies about the
 * number of words.
 *
 * @param words  the words, in file order, none holding white space
 * @param vectors {@code words.size() x dimension} values, row by row
 * @param dimension values per word
 * @since 0.1
 */
public record WordVectors(List<String> words, float[] vectors, int dimension) {
    public WordVectors {
        words = List.copyOf(words);
        if (dimension < 1 || vectors.length != (long) words.size() * dimension) {
            throw new IllegalArgumentException(words.size() + " words of dimension " + dimension + " need "
                    + (long) words.size() * dimension + " values, got " + vectors.length);
        }
        for (String w : words) {
            if (w.isEmpty() || w.codePoints().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("the word2vec text format cannot hold the word '" + w
                        + "': words are separated by white space");
            }
        }
    }

    /** The vector of the word at {@code index} (a copy). */
    public float[] vector(int index) {
        return Arrays.copyOfRange(vectors, index * dimension, (index + 1) * dimension);
    }

    /** Writes the file, replacing it. */
    public void write(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(words.size() + " " + dimension);
            out.write('\n');
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < words.size(); i++) {
                line.setLength(0);
                line.append(words.get(i));
                for (int d = 0; d < dimension; d++) {
                    line.append(' ').append(vectors[i * dimension + d]);
                }
                out.write(line.append('\n').toString());
            }
        }
    }

    /** Reads a file in the word2vec text format; a damaged one is an {@link RnnlabException} naming the line. */
    public static WordVectors read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            String[] sizes = header == null ? new String[0] : header.strip().split(" +");
            int count = sizes.length == 2 ? positive(sizes[0]) : -1;
            int dimension = sizes.length == 2 ? positive(sizes[1]) : -1;
            if (count < 1 || dimension < 1) {
                throw new RnnlabException(file + " line 1: expected the word2vec header 'COUNT DIMENSION' (two positive"
                        + " integers) but found " + (header == null ? "an empty file" : "'" + header + "'"));
            }
            List<String> words = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            // grown as lines arrive, not sized by the header: a header that lies about a huge count is refused, not allocated
            float[] vectors = new float[0];
            int lineNumber = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (words.size() == count) {
                    throw new RnnlabException(file + " line " + lineNumber + ": a word beyond the " + count
                            + " the header announces");
                }
                String[] parts = line.strip().split(" +");
                String word = parts[0];
                if (parts.length - 1 != dimension) {
                    throw new RnnlabException(file + " line " + lineNumber + ": '" + word + "' has " + (parts.length - 1)
                            + " values but the header says " + dimension);
                }
                Integer earlier = seen.putIfAbsent(word, lineNumber);
                if (earlier != null) {
                    throw new RnnlabException(file + " line " + lineNumber + ": '" + word + "' again (first on line "
                            + earlier + ")");
                }
                int row = words.size();
                if ((long) (row + 1) * dimension > vectors.length) {
                    vectors = Arrays.copyOf(vectors, Math.toIntExact(Math.max((long) (row + 1) * dimension,
                            Math.min((long) count * dimension, 2L * vectors.length))));
                }
                for (int d = 0; d < dimension; d++) {
                    vectors[row * dimension + d] = value(parts[d + 1], file, lineNumber, word, d);
                }
                words.add(word);
            }
            if (words.size() != count) {
                throw new RnnlabException(file + ": the header (line 1) says " + count + " words but the file holds "
                        + words.size());
            }
            return new WordVectors(words, Arrays.copyOf(vectors, words.size() * dimension), dimension);
        } catch (NoSuchFileException e) {
            throw new RnnlabException("word vectors file not found: " + file.toAbsolutePath());
        } catch (CharacterCodingException e) {
            throw new RnnlabException("word vectors file " + file + " is not valid UTF-8 (the word2vec binary format"
                    + " is not read; write it with binary=False)");
        }
    }

    private static int positive(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static float value(String s, Path file, int line, String word, int index) {
        float v;
        try {
            v = Float.parseFloat(s);
        } catch (NumberFormatException e) {
            v = Float.NaN;
        }
        if (!Float.isFinite(v)) {
            throw new RnnlabException(file + " line " + line + ": value " + (index + 1) + " of '" + word + "' is '" + s
                    + "', not a finite number");
        }
        return v;
    }
}
