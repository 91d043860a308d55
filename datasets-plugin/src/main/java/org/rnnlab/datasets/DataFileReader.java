package org.rnnlab.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.rnnlab.api.RnnlabException;

/**
 * A user's data file read as a stream of characters, for files that may be larger than a comfortable share
 * of the heap (a CSV of hundreds of megabytes): decoded strictly as UTF-8 (a bad byte is a
 * {@link java.nio.charset.CharacterCodingException} from {@link #reader()}, which {@link #invalidUtf8()}
 * turns into the message {@link SourceText} gives, naming the offset and line), without a leading
 * byte-order mark, and with the SHA-256 and size of its bytes counted as they pass. Memory does not grow
 * with the file: only what the caller keeps of it does.
 */
final class DataFileReader implements AutoCloseable {
    private final Path file;
    private final MessageDigest digest;
    private final CountingInput counted;
    private final PushbackReader reader;

    private DataFileReader(Path file, MessageDigest digest, CountingInput counted, PushbackReader reader) {
        this.file = file;
        this.digest = digest;
        this.counted = counted;
        this.reader = reader;
    }

    /** Opens a user's file; {@code setting} names the option that gave the path, for the messages. */
    static DataFileReader open(Path file, String setting) {
        if (Files.isDirectory(file)) {
            throw new RnnlabException("'" + file.toAbsolutePath() + "' (" + setting + ") is a directory, not a data file");
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            CountingInput counted = new CountingInput(new DigestInputStream(Files.newInputStream(file), digest));
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            PushbackReader reader = new PushbackReader(new InputStreamReader(counted, decoder), 1);
            int first = reader.read();
            if (first >= 0 && first != '\uFEFF') {
                reader.unread(first);
            }
            return new DataFileReader(file, digest, counted, reader);
        } catch (NoSuchFileException e) {
            throw new RnnlabException("data file not found: " + file.toAbsolutePath() + " (" + setting + ")");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new RnnlabException(invalidUtf8(file));
        } catch (IOException e) {
            throw new RnnlabException("cannot read data file " + file.toAbsolutePath() + " (" + setting + "): " + e, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** How messages name the file. */
    String name() {
        return file.toString();
    }

    /** The characters of the file, once. */
    Reader reader() {
        return reader;
    }

    /** Reads what is left (so the hash covers the whole file) and returns its facts for provenance. */
    SourceText facts() throws IOException {
        char[] rest = new char[8192];
        while (reader.read(rest) >= 0) {
            // only the hash and the count need these characters
        }
        return new SourceText(name(), "", HexFormat.of().formatHex(digest.digest()), counted.count);
    }

    /** The message for the file's first byte that is not UTF-8, found by reading it again as a stream. */
    String invalidUtf8() {
        return invalidUtf8(file);
    }

    static String invalidUtf8(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16).limit(0);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long consumed = 0; // bytes before in's start
        long line = 1;
        long lineStart = 0;
        try (InputStream stream = Files.newInputStream(file)) {
            boolean end = false;
            while (true) {
                int n = end ? -1 : stream.read(in.array(), in.limit(), in.capacity() - in.limit());
                if (n < 0) {
                    end = true;
                } else {
                    in.limit(in.limit() + n);
                }
                int before = in.position();
                CoderResult result = decoder.decode(in, out, end);
                for (int i = before; i < in.position(); i++) {
                    if (in.get(i) == '\n') {
                        line++;
                        lineStart = consumed + i + 1;
                    }
                }
                out.clear();
                if (result.isError()) {
                    long offset = consumed + in.position();
                    StringBuilder bad = new StringBuilder();
                    for (int i = in.position(); i < Math.min(in.limit(), in.position() + Math.max(1, result.length())); i++) {
                        bad.append(String.format(" 0x%02X", in.get(i) & 0xFF));
                    }
                    return file + " is not valid UTF-8: byte offset " + offset + " (line " + line + ", byte "
                            + (offset - lineStart + 1) + " of the line) holds" + bad + "; save the file as UTF-8";
                }
                if (end && !in.hasRemaining()) {
                    return file + " is not valid UTF-8";
                }
                consumed += in.position();
                in.compact().flip();
            }
        } catch (IOException e) {
            return file + " is not valid UTF-8 (and cannot be read again to say where: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Counts the bytes that pass. */
    private static final class CountingInput extends java.io.FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
