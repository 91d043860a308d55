package org.rnnlab.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.TextExample;

/**
 * Sentences of a file in the CoNLL column layout: one token per line, columns separated by tabs (when
 * the line has a tab) or else by runs of spaces, a blank line between sentences. Skipped: comment lines
 * starting with {@code #} before a sentence's first token (as Universal Dependencies files have them; a
 * {@code #} inside a sentence is a token), CoNLL-2003's {@code -DOCSTART-} lines, and, when the tokens are
 * not in column 1, Universal Dependencies' multiword-token ({@code 3-4}) and empty-node ({@code 5.1}) lines.
 *
 * <p>A sentence becomes a {@link TextExample} whose text is its tokens joined by single spaces and whose
 * tags are the tag column. Anything else is refused naming the file and line: a line with too few
 * columns, a sentence over {@code maxLength} tokens, a file with no sentence, a file holding NUL bytes
 * (binary), a token holding white space.
 *
 * @param tokenColumn 1-based
 * @param tagColumn 1-based, or 0 for each line's last column
 * @param maxLength the most tokens a sentence may have
 */
record ConllReader(int tokenColumn, int tagColumn, int maxLength) {
    private static final Pattern SPACES = Pattern.compile(" +");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern UD_SPECIAL_ID = Pattern.compile("\\d+-\\d+|\\d+\\.\\d+");

    /** A sentence and the line its first token is on. */
    record Sentence(TextExample example, int line) {}

    List<Sentence> read(SourceText source) {
        String text = source.text();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new RnnlabException(source.name() + " line " + source.lineAt(nul)
                    + " holds a NUL byte: this is a binary file, not CoNLL column text");
        }
        List<String> lines = source.lines();
        List<Sentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        int first = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i).strip() : "";
            int number = i + 1;
            if (line.isEmpty()) {
                if (!tokens.isEmpty()) {
                    sentences.add(new Sentence(new TextExample(String.join(" ", tokens), "", tags), first));
                    tokens = new ArrayList<>();
                    tags = new ArrayList<>();
                }
                continue;
            }
            if ((tokens.isEmpty() && line.startsWith("#")) || line.startsWith("-DOCSTART-")) {
                continue;
            }
            String[] columns = line.indexOf('\t') >= 0 ? line.split("\t", -1) : SPACES.split(line);
            if (tokenColumn > 1 && UD_SPECIAL_ID.matcher(columns[0]).matches()) {
                continue;
            }
            int needed = Math.max(tokenColumn, tagColumn == 0 ? tokenColumn + 1 : tagColumn);
            if (columns.length < needed) {
                throw new RnnlabException(source.name() + " line " + number + ": " + columns.length
                        + (columns.length == 1 ? " column" : " columns") + " but " + needed + " are needed (token column "
                        + tokenColumn + " from dataset.token_column, tag column "
                        + (tagColumn == 0 ? "the last, after it" : tagColumn + " from dataset.tag_column") + "): '"
                        + shorten(line) + "'");
            }
            String token = columns[tokenColumn - 1].strip();
            String tag = columns[(tagColumn == 0 ? columns.length : tagColumn) - 1].strip();
            if (token.isEmpty() || tag.isEmpty()) {
                throw new RnnlabException(source.name() + " line " + number + ": the " + (token.isEmpty() ? "token" : "tag")
                        + " column is empty: '" + shorten(line) + "'");
            }
            if (WHITE_SPACE.matcher(token).find()) {
                throw new RnnlabException(source.name() + " line " + number + ": the token '" + token
                        + "' holds white space; the sentence's text joins tokens with spaces, so a token cannot have one");
            }
            if (tokens.isEmpty()) {
                first = number;
            }
            if (tokens.size() == maxLength) {
                throw new RnnlabException(source.name() + " line " + number + ": the sentence that starts on line " + first
                        + " has more than " + maxLength + " tokens (dataset.max_length); is a blank line between "
                        + "sentences missing?");
            }
            tokens.add(token);
            tags.add(tag);
        }
        if (sentences.isEmpty()) {
            throw new RnnlabException(source.name() + (text.isBlank() ? " is empty" : " has no token lines (only "
                    + "comments and blank lines)") + ": a CoNLL file needs one token per line and a blank line between sentences");
        }
        return sentences;
    }

    private static String shorten(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }
}
