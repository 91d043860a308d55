package org.rnnlab.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reads and writes the safetensors format (the one {@code safetensors.torch.save_file} writes): an
 * 8-byte little-endian header length, a JSON header mapping each name to
 * {@code {"dtype", "shape", "data_offsets": [begin, end]}} plus an optional {@code "__metadata__"} map of
 * strings, then the raw little-endian data. Written tensors are {@code F32}; read tensors of type
 * {@code F32}, {@code F64}, {@code F16} or {@code BF16} come back as float32.
 *
 * <p>Files rnnlab writes carry {@value #CHECKSUM} in their metadata: the SHA-256 of everything after the
 * length field (the header, with this value's 64 digits read as {@code 0}, and the data). Other readers
 * ignore it as unknown metadata; {@link #read} refuses a file whose bytes no longer match, and reads files
 * without it (other tools') unchecked.
 *
 * <p>{@link #read} checks before it allocates: the header length and JSON nesting are bounded, the shapes,
 * dtypes and offsets must tile the data region exactly (see {@link SafetensorsLayout}), and the tensors
 * must fit the free heap. The data is streamed from a channel, never read whole into one array, and every
 * value must be finite. Each refusal is an {@link IOException} of one line naming the file and the problem.
 *
 * <p>Writes go to a temporary file (with the permissions any new file gets) moved into place, so a reader
 * never sees half a file.
 */
public final class Safetensors {
    /** The metadata key of the checksum rnnlab writes. */
    public static final String CHECKSUM = "rnnlab.sha256";
    /** The reference reader allows 100 MB; 16 MiB is ample for the header of any model rnnlab builds. */
    static final long MAX_HEADER = 16L << 20;
    private static final String METADATA = SafetensorsLayout.METADATA;
    private static final int CHUNK = 1 << 16;
    private static final String ZERO_DIGEST = "0".repeat(64);

    private Safetensors() {}

    /** A file's tensors and its metadata, both in header order. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
        public Contents {
            tensors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
            metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }

    /**
     * Writes {@code tensors} (in map order) as F32 and {@code metadata} as {@code __metadata__}, with the
     * checksum {@value #CHECKSUM} added (any value {@code metadata} has for that key is replaced).
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        meta.remove(CHECKSUM);
        meta.put(CHECKSUM, ZERO_DIGEST);
        byte[] head = header(tensors, meta);
        MessageDigest digest = sha256();
        digest.update(head);
        encode(tensors, ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN), digest::update);
        byte[] marker = checksumField(ZERO_DIGEST);
        int at = indexOf(head, marker);
        byte[] value = HexFormat.of().formatHex(digest.digest()).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(value, 0, head, at + marker.length - 65, 64);

        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writeFully(out, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, head.length));
                writeFully(out, ByteBuffer.wrap(head));
                encode(tensors, ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN), chunk -> writeFully(out, ByteBuffer.wrap(chunk)));
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] header(Map<String, Tensor> tensors, Map<String, String> metadata) {
        StringBuilder header = new StringBuilder("{");
        header.append(quote(METADATA)).append(":{");
        boolean first = true;
        for (var e : metadata.entrySet()) {
            header.append(first ? "" : ",").append(quote(e.getKey())).append(':').append(quote(e.getValue()));
            first = false;
        }
        header.append('}');
        long offset = 0;
        for (var e : tensors.entrySet()) {
            if (e.getKey().equals(METADATA)) {
                throw new IllegalArgumentException("a tensor may not be named " + METADATA);
            }
            Tensor t = e.getValue();
            long bytes = 4L * t.size();
            header.append(',').append(quote(e.getKey())).append(":{\"dtype\":\"F32\",\"shape\":[");
            int[] shape = t.shape();
            for (int i = 0; i < shape.length; i++) {
                header.append(i > 0 ? "," : "").append(shape[i]);
            }
            header.append("],\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
            offset += bytes;
        }
        header.append('}');
        byte[] head = header.toString().getBytes(StandardCharsets.UTF_8);
        // pad the header with spaces so the data starts 8-byte aligned, as the reference writer does
        int padded = (head.length + 7) / 8 * 8;
        byte[] out = java.util.Arrays.copyOf(head, padded);
        java.util.Arrays.fill(out, head.length, padded, (byte) ' ');
        return out;
    }

    /** Hands {@code sink} the tensors' float32 little-endian bytes, a chunk at a time. */
    private static void encode(Map<String, Tensor> tensors, ByteBuffer chunk, ChunkSink sink) throws IOException {
        chunk.clear();
        for (Tensor t : tensors.values()) {
            float[] d = t.data();
            for (int i = t.offset(), end = t.offset() + t.size(); i < end; i++) {
                if (!chunk.hasRemaining()) {
                    sink.accept(java.util.Arrays.copyOf(chunk.array(), chunk.position()));
                    chunk.clear();
                }
                chunk.putFloat(d[i]);
            }
        }
        if (chunk.position() > 0) {
            sink.accept(java.util.Arrays.copyOf(chunk.array(), chunk.position()));
        }
    }

    private interface ChunkSink {
        void accept(byte[] bytes) throws IOException;
    }

    /**
     * Reads every tensor and the metadata. A file that is missing, a directory, malformed, damaged
     * (checksum), holding values that are not finite, or too large for the free heap gives an
     * {@link IOException} of one line naming the file and the problem.
     */
    public static Contents read(Path file) throws IOException {
        Runtime rt = Runtime.getRuntime();
        return read(file, rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()));
    }

    /** {@link #read(Path)} with {@code heapBytes} as the memory the tensors may take. */
    static Contents read(Path file, long heapBytes) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory, not a safetensors file");
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file, in, heapBytes);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file: " + file, e);
        }
    }

    private static Contents read(Path file, FileChannel in, long heapBytes) throws IOException {
        long size = in.size();
        if (size < 8) {
            throw malformed(file, "it has " + size + " bytes, shorter than the 8-byte header length");
        }
        ByteBuffer length = readFully(file, in, 0, 8).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = length.getLong(0);
        if (headerLength < 2 || headerLength > MAX_HEADER) {
            throw malformed(file, "its header length " + headerLength + " is outside 2.." + MAX_HEADER + " bytes");
        }
        if (headerLength > size - 8) {
            throw malformed(file, "its header length " + headerLength + " does not fit a file of " + size + " bytes");
        }
        byte[] head = readFully(file, in, 8, (int) headerLength).array();
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head)).toString();
        } catch (CharacterCodingException e) {
            throw malformed(file, "its header is not UTF-8 text");
        }
        Object header;
        try {
            header = SafetensorsJson.parse(json);
        } catch (IllegalArgumentException e) {
            throw malformed(file, "its header is not valid JSON: " + e.getMessage());
        }
        SafetensorsLayout layout;
        try {
            layout = SafetensorsLayout.of(header, size - 8 - headerLength);
        } catch (IllegalArgumentException e) {
            throw malformed(file, e.getMessage());
        }
        long needed = layout.floatBytes();
        if (needed > heapBytes) {
            throw new IOException(file + ": its tensors need " + megabytes(needed) + " of memory but only "
                    + megabytes(Math.max(0, heapBytes)) + " of heap are free (raise -Xmx, or this is not the file you meant)");
        }
        MessageDigest digest = checksumOf(file, layout, head);
        Map<String, Tensor> byName = new LinkedHashMap<>();
        long position = 8 + headerLength;
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (SafetensorsLayout.Entry e : layout.byOffset()) {
            byName.put(e.name(), Tensor.of(decode(file, in, position + e.begin(), e, chunk, digest), e.shape()));
        }
        if (digest != null) {
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(layout.metadata().get(CHECKSUM))) {
                throw malformed(file, "its bytes do not match its checksum " + CHECKSUM
                        + " (damaged since it was written)");
            }
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (SafetensorsLayout.Entry e : layout.tensors()) {
            Tensor t = byName.get(e.name());
            requireFinite(file, e.name(), t);
            tensors.put(e.name(), t);
        }
        return new Contents(tensors, layout.metadata());
    }

    /** A digest already fed the header with the checksum's digits zeroed, or null for a file without a checksum. */
    private static MessageDigest checksumOf(Path file, SafetensorsLayout layout, byte[] head) throws IOException {
        String expected = layout.metadata().get(CHECKSUM);
        if (expected == null) {
            return null;
        }
        byte[] field = checksumField(expected);
        int at = expected.matches("[0-9a-f]{64}") ? indexOf(head, field) : -1;
        if (at < 0) {
            throw malformed(file, "its checksum " + CHECKSUM + " is not 64 hexadecimal digits as rnnlab writes it");
        }
        byte[] zeroed = head.clone();
        java.util.Arrays.fill(zeroed, at + field.length - 65, at + field.length - 1, (byte) '0');
        MessageDigest digest = sha256();
        digest.update(zeroed);
        return digest;
    }

    private static float[] decode(Path file, FileChannel in, long from, SafetensorsLayout.Entry e, ByteBuffer chunk,
                                  MessageDigest digest) throws IOException {
        float[] data = new float[(int) e.elements()];
        int n = 0;
        long position = from;
        long remaining = e.end() - e.begin();
        while (remaining > 0) {
            // CHUNK is a multiple of every width, so no value straddles two chunks
            int take = (int) Math.min(remaining, CHUNK);
            chunk.clear().limit(take);
            fill(file, in, position, chunk);
            if (digest != null) {
                digest.update(chunk.array(), 0, take);
            }
            chunk.flip();
            switch (e.dtype()) {
                case "F32" -> { while (chunk.hasRemaining()) { data[n++] = chunk.getFloat(); } }
                case "F64" -> { while (chunk.hasRemaining()) { data[n++] = (float) chunk.getDouble(); } }
                case "F16" -> { while (chunk.hasRemaining()) { data[n++] = Float.float16ToFloat(chunk.getShort()); } }
                default -> { while (chunk.hasRemaining()) { data[n++] = Float.intBitsToFloat((chunk.getShort() & 0xffff) << 16); } }
            }
            position += take;
            remaining -= take;
        }
        return data;
    }

    private static void requireFinite(Path file, String name, Tensor t) throws IOException {
        float[] d = t.data();
        int bad = 0;
        int first = -1;
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) {
                bad++;
                first = first < 0 ? i : first;
            }
        }
        if (bad > 0) {
            throw new IOException(file + ": tensor " + quote(name) + " holds " + bad + " of " + d.length
                    + " values that are NaN or infinite (the first at index " + first + "): the weights of a diverged run?");
        }
    }

    private static ByteBuffer readFully(Path file, FileChannel in, long position, int bytes) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(bytes);
        fill(file, in, position, b);
        return b;
    }

    private static void fill(Path file, FileChannel in, long position, ByteBuffer b) throws IOException {
        long at = position;
        while (b.hasRemaining()) {
            int n = in.read(b, at);
            if (n < 0) {
                throw malformed(file, "it ended at byte " + at + " while being read (changed by another program?)");
            }
            at += n;
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    private static byte[] checksumField(String value) {
        return (quote(CHECKSUM) + ":" + quote(value)).getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static IOException malformed(Path file, String problem) {
        return new IOException("not a valid safetensors file: " + file + ": " + problem);
    }

    /** A JSON string literal of {@code s}; also how messages show names, so a name never breaks the line. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
