package org.rnnlab.api.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.RnnlabException;

/**
 * The tokens a model knows, each with an id: the specials {@code <pad>}=0, {@code <unk>}=1,
 * {@code <bos>}=2, {@code <eos>}=3, then the tokens of the training split. Immutable; two vocabularies are
 * equal when they hold the same tokens in the same order.
 *
 * <p>Saved as UTF-8 text: a header line {@value #HEADER}, then one token per line in id order, with
 * {@code \\}, newline, carriage return, tab and space written as {@code \\\\ \\n \\r \\t \\s}, so that
 * every token, even a lone space or a line break from a character tokenizer, takes exactly one line.
 *
 * @since 0.1
 */
public final class Vocabulary {
    public static final int PAD = 0;
    public static final int UNK = 1;
    public static final int BOS = 2;
    public static final int EOS = 3;
    /** The special tokens, in id order. */
    public static final List<String> SPECIALS = List.of("<pad>", "<unk>", "<bos>", "<eos>");
    static final String HEADER = "# rnnlab vocabulary 1";

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.ids = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            if (ids.putIfAbsent(tokens.get(i), i) != null) {
                throw new IllegalArgumentException("token '" + tokens.get(i) + "' occurs twice in the vocabulary");
            }
        }
    }

    /** The specials followed by {@code tokens} in the given order (which must hold no special and no repeat). */
    public static Vocabulary of(List<String> tokens) {
        List<String> all = new ArrayList<>(SPECIALS);
        all.addAll(tokens);
        return new Vocabulary(all);
    }

    /**
     * The vocabulary of counted tokens: tokens seen fewer than {@code minCount} times are dropped, the rest
     * ordered by count (descending), then by token (ascending, {@link String#compareTo}), and cut so that
     * the whole vocabulary, specials included, has at most {@code maxSize} entries. A token spelt like a
     * special is not added again (it keeps the special's id).
     *
     * @param counts   how often each token occurs in the training split
     * @param maxSize  at least {@code SPECIALS.size()}; {@link Integer#MAX_VALUE} for no cap
     * @param minCount at least 1
     */
    public static Vocabulary fromCounts(Map<String, ? extends Number> counts, int maxSize, int minCount) {
        if (maxSize < SPECIALS.size()) {
            throw new IllegalArgumentException("vocabulary size cap " + maxSize + " is below the "
                    + SPECIALS.size() + " special tokens");
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("minimum count must be at least 1 but was " + minCount);
        }
        List<Map.Entry<String, Long>> kept = new ArrayList<>();
        counts.forEach((token, n) -> {
            if (n.longValue() >= minCount && !SPECIALS.contains(token)) {
                kept.add(Map.entry(token, n.longValue()));
            }
        });
        kept.sort(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        int room = maxSize - SPECIALS.size();
        return of(kept.stream().limit(room).map(Map.Entry::getKey).toList());
    }

    /** The id of a token; {@link #UNK} if the token is not in the vocabulary. */
    public int id(String token) {
        Integer id = ids.get(token);
        return id == null ? UNK : id;
    }

    /** Whether the token has its own id. */
    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /** The token with this id. */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IndexOutOfBoundsException("token id " + id + " is outside the vocabulary of " + tokens.size());
        }
        return tokens.get(id);
    }

    /** The ids of tokens, unknown ones as {@link #UNK}. */
    public int[] ids(List<String> tokenList) {
        int[] out = new int[tokenList.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = id(tokenList.get(i));
        }
        return out;
    }

    /** Number of ids, specials included. */
    public int size() {
        return tokens.size();
    }

    /** Every token in id order, specials first. */
    public List<String> tokens() {
        return tokens;
    }

    /** Writes the vocabulary in the format described in the class comment, replacing the file. */
    public void save(Path file) throws IOException {
        List<String> lines = new ArrayList<>(tokens.size() + 1);
        lines.add(HEADER);
        for (String t : tokens) {
            lines.add(escape(t));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Reads a vocabulary written by {@link #save}; a damaged file is an error naming the file and line. */
    public static Vocabulary load(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RnnlabException("vocabulary file not found: " + file.toAbsolutePath());
        } catch (CharacterCodingException e) {
            throw new RnnlabException("vocabulary file " + file + " is not valid UTF-8");
        }
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
            throw new RnnlabException("vocabulary file " + file + " line 1: expected '" + HEADER + "'");
        }
        List<String> read = new ArrayList<>(lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            try {
                read.add(unescape(lines.get(i)));
            } catch (IllegalArgumentException e) {
                throw new RnnlabException("vocabulary file " + file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (read.size() < SPECIALS.size() || !read.subList(0, SPECIALS.size()).equals(SPECIALS)) {
            throw new RnnlabException("vocabulary file " + file + ": lines 2-5 must be " + String.join(", ", SPECIALS));
        }
        try {
            return new Vocabulary(read);
        } catch (IllegalArgumentException e) {
            throw new RnnlabException("vocabulary file " + file + ": " + e.getMessage());
        }
    }

    static String escape(String token) {
        StringBuilder b = new StringBuilder(token.length() + 2);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case ' ' -> b.append("\\s");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String line) {
        if (line.isEmpty()) {
            throw new IllegalArgumentException("empty line (an empty token cannot be in a vocabulary)");
        }
        StringBuilder b = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (++i == line.length()) {
                throw new IllegalArgumentException("a lone backslash ends the line");
            }
            b.append(switch (line.charAt(i)) {
                case '\\' -> '\\';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 's' -> ' ';
                default -> throw new IllegalArgumentException("unknown escape '\\" + line.charAt(i) + "'");
            });
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && tokens.equals(v.tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary[size=" + tokens.size() + "]";
    }
}
