package org.rnnlab.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.rnnlab.api.RnnlabException;

/**
 * The whole text of a data file, decoded strictly as UTF-8 (a bad byte is an error naming its offset and
 * line, never a silent replacement character), with the SHA-256 of its bytes for provenance.
 *
 * @param name   how messages name the file: its path, or the resource name of a shipped file
 * @param text   the decoded text without a leading byte-order mark
 * @param sha256 lowercase hex SHA-256 of the file's bytes
 * @param bytes  the file's size in bytes
 */
record SourceText(String name, String text, String sha256, long bytes) {

    /** Reads a user's file; {@code setting} names the option that gave the path, for the messages. */
    static SourceText read(Path file, String setting) {
        if (Files.isDirectory(file)) {
            throw new RnnlabException("'" + file.toAbsolutePath() + "' (" + setting + ") is a directory, not a data file");
        }
        try {
            return decode(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new RnnlabException("data file not found: " + file.toAbsolutePath() + " (" + setting + ")");
        } catch (IOException e) {
            throw new RnnlabException("cannot read data file " + file.toAbsolutePath() + " (" + setting + "): " + e, e);
        }
    }

    /** Reads a file shipped in this module's resources (next to this class). */
    static SourceText resource(String fileName) {
        try (InputStream in = SourceText.class.getResourceAsStream(fileName)) {
            if (in == null) {
                throw new IllegalStateException("the datasets plugin lacks its resource " + fileName);
            }
            return decode(fileName, in.readAllBytes());
        } catch (IOException e) {
            throw new RnnlabException("cannot read the shipped resource " + fileName + ": " + e, e);
        }
    }

    static SourceText decode(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new RnnlabException(invalidUtf8(name, bytes, offset, result.length()));
        }
        out.flip();
        String text = out.toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new SourceText(name, text, sha256(bytes), bytes.length);
    }

    private static String invalidUtf8(String name, byte[] bytes, int offset, int length) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        StringBuilder bad = new StringBuilder();
        for (int i = offset; i < Math.min(bytes.length, offset + Math.max(1, length)); i++) {
            bad.append(String.format(" 0x%02X", bytes[i] & 0xFF));
        }
        return name + " is not valid UTF-8: byte offset " + offset + " (line " + line + ", byte " + (offset - lineStart + 1)
                + " of the line) holds" + bad + "; save the file as UTF-8";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The lines, split on {@code \n} only (a {@code \r} before it is dropped); no empty last line after a final newline. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(text.substring(start, stop));
            start = end + 1;
        }
        return lines;
    }

    /** The 1-based line that the character at {@code charOffset} of {@link #text()} is on. */
    int lineAt(long charOffset) {
        return lineIndex().line(charOffset);
    }

    /** An index for many line look-ups: build it once per file, not once per row. */
    LineIndex lineIndex() {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts.add(i + 1);
        }
        return new LineIndex(starts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Where each line of a text starts (char offsets, ascending). */
    record LineIndex(int[] starts) {
        int line(long charOffset) {
            int i = java.util.Arrays.binarySearch(starts, (int) Math.min(charOffset, Integer.MAX_VALUE));
            return i >= 0 ? i + 1 : -i - 1;
        }
    }
}
