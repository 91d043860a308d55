package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and hostile safetensors files: each is refused before anything large is allocated, with an
 * {@link IOException} of one line that names the file and what is wrong. The cases of issue 20 are here
 * by name; {@link #REFUSED} counts the damaged files refused cleanly (printed at the end).
 */
class SafetensorsDamageTest {
    static final AtomicInteger REFUSED = new AtomicInteger();

    @TempDir
    Path dir;

    @AfterAll
    static void count() {
        System.out.println("damaged safetensors files refused cleanly: " + REFUSED.get());
    }

    private static final String W8 = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";

    private Path raw(String name, long headerLength, byte[] header, byte[] data) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(headerLength).put(header).put(data);
        return Files.write(dir.resolve(name), b.array());
    }

    private Path raw(String name, String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return raw(name, h.length, h, data);
    }

    private static byte[] floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    /** {@code file} is refused with one line naming it and containing each fragment. */
    private static void refused(Path file, String... fragments) {
        refused(file, Long.MAX_VALUE, fragments);
    }

    private static void refused(Path file, long heap, String... fragments) {
        assertThatThrownBy(() -> Safetensors.read(file, heap))
                .isExactlyInstanceOf(IOException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).as("one line").doesNotContain("\n").doesNotContain("\r")
                            .contains(file.toString());
                    for (String f : fragments) {
                        assertThat(e.getMessage()).contains(f);
                    }
                });
        REFUSED.incrementAndGet();
    }

    private Path written(String name, float... values) throws IOException {
        Path file = dir.resolve(name);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("w", Tensor.of(values, values.length));
        Safetensors.write(file, tensors, Map.of("cell", "lstm", "hidden", "64"));
        return file;
    }

    @Test
    void shorterThanTheLengthField() throws IOException {
        refused(Files.write(dir.resolve("short.safetensors"), new byte[] {1, 2, 3}), "shorter than the 8-byte header length");
    }

    @Test
    void headerLengthOfAnExabyte() throws IOException {
        refused(raw("huge-length.safetensors", 1L << 60, W8.getBytes(StandardCharsets.US_ASCII), floats(1, 2)),
                "header length 1152921504606846976 is outside 2..16777216 bytes");
    }

    @Test
    void negativeHeaderLength() throws IOException {
        refused(raw("negative-length.safetensors", -5, W8.getBytes(StandardCharsets.US_ASCII), floats(1, 2)),
                "header length -5");
    }

    @Test
    void headerLengthPastTheEndOfTheFile() throws IOException {
        refused(raw("past-end.safetensors", 4000, W8.getBytes(StandardCharsets.US_ASCII), floats(1, 2)),
                "header length 4000 does not fit a file of");
    }

    @Test
    void threeHundredThousandNestedBrackets() throws IOException {
        refused(raw("nested.safetensors", "[".repeat(300_000), new byte[0]), "nests deeper than 32 levels");
    }

    @Test
    void headerThatIsNotUtf8() throws IOException {
        byte[] h = W8.getBytes(StandardCharsets.US_ASCII);
        h[3] = (byte) 0xC3;
        h[4] = (byte) 0x28;
        refused(raw("latin.safetensors", h.length, h, floats(1, 2)), "not UTF-8");
    }

    @Test
    void headerWithTextAfterTheObject() throws IOException {
        refused(raw("trailing.safetensors", W8 + "x", floats(1, 2)), "not valid JSON", "unexpected text after the end");
    }

    @Test
    void headerThatIsAnArray() throws IOException {
        refused(raw("array.safetensors", "[1,2]", new byte[0]), "not a JSON object");
    }

    @Test
    void aTensorNameTwice() throws IOException {
        String h = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        refused(raw("twice.safetensors", h, floats(1, 2)), "the key \"w\" appears twice");
    }

    @Test
    void negativeShape() throws IOException {
        String h = "{\"w\":{\"dtype\":\"F32\",\"shape\":[-30,4],\"data_offsets\":[0,8]}}";
        refused(raw("negative-shape.safetensors", h, floats(1, 2)), "tensor \"w\" has a negative dimension -30 in its shape [-30, 4]");
    }

    @Test
    void fractionalShape() throws IOException {
        String h = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2.0],\"data_offsets\":[0,8]}}";
        refused(raw("fractional.safetensors", h, floats(1, 2)), "dimension 1 is not an integer");
    }

    @Test
    void moreElementsThanAJavaArrayHolds() throws IOException {
        String h = "{\"w\":{\"dtype\":\"F32\",\"shape\":[100000,100000],\"data_offsets\":[0,8]}}";
        refused(raw("too-many.safetensors", h, floats(1, 2)), "more elements than a Java array holds");
    }

    @Test
    void shapeProductThatOverflowsALong() throws IOException {
        String h = "{\"w\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296,4294967296],\"data_offsets\":[0,8]}}";
        refused(raw("overflow.safetensors", h, floats(1, 2)), "more elements than a Java array holds");
    }

    @Test
    void integerDtype() throws IOException {
        String h = "{\"w\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}";
        refused(raw("int.safetensors", h, floats(1, 2)), "dtype \"I64\"; rnnlab reads F32, F64, F16 and BF16");
    }

    @Test
    void missingDataOffsets() throws IOException {
        refused(raw("no-offsets.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}", floats(1, 2)),
                "tensor \"w\" has no data_offsets");
    }

    @Test
    void offsetsThatDisagreeWithTheShape() throws IOException {
        String h = "{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,8]}}";
        refused(raw("small-offsets.safetensors", h, floats(1, 2)), "needs 16 bytes but its data_offsets are [0, 8]");
    }

    @Test
    void overlappingOffsets() throws IOException {
        String h = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        refused(raw("overlap.safetensors", h, floats(1, 2, 3)), "tensors \"a\" and \"b\" overlap: bytes [4, 8)");
    }

    @Test
    void twoTensorsOnTheSameBytes() throws IOException {
        String h = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        refused(raw("alias.safetensors", h, floats(1, 2)), "overlap");
    }

    @Test
    void aGapBetweenTensors() throws IOException {
        String h = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}";
        refused(raw("gap.safetensors", h, floats(1, 2, 3)), "bytes [4, 8) of the data belong to no tensor");
    }

    @Test
    void bytesAppendedAfterTheLastTensor() throws IOException {
        refused(raw("appended.safetensors", W8, floats(1, 2, 3)), "holds 12 data bytes but its tensors cover only 8");
    }

    @Test
    void dataCutShort() throws IOException {
        refused(raw("cut.safetensors", W8, floats(1)), "ends at byte 8 of the data but the file holds only 4");
    }

    @Test
    void metadataThatIsNotStrings() throws IOException {
        refused(raw("meta-number.safetensors", "{\"__metadata__\":{\"hidden\":64}}", new byte[0]),
                "__metadata__ entry \"hidden\" is not a string");
    }

    @Test
    void aThreeGigabyteFileIsRefusedByItsMemoryEstimateBeforeAnythingIsRead() throws IOException {
        long bytes = 3_000_000_000L;
        String h = "{\"w\":{\"dtype\":\"F32\",\"shape\":[" + bytes / 4 + "],\"data_offsets\":[0," + bytes + "]}}";
        Path file = raw("three-gb.safetensors", h, new byte[0]);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() + bytes); // sparse: the disk holds none of it
        }
        refused(file, 1_000_000_000L, "its tensors need 3000.0 MB of memory but only 1000.0 MB of heap are free");
    }

    @Test
    void tensorsLargerThanTheWholeHeapAreRefusedByTheRealEstimate() throws IOException {
        long elements = SafetensorsLayout.MAX_ELEMENTS;
        int count = (int) (Runtime.getRuntime().maxMemory() / (4 * elements)) + 1;
        StringBuilder h = new StringBuilder("{");
        for (int k = 0; k < count; k++) {
            h.append(k > 0 ? "," : "").append("\"w").append(k).append("\":{\"dtype\":\"F32\",\"shape\":[").append(elements)
                    .append("],\"data_offsets\":[").append(4 * elements * k).append(',').append(4 * elements * (k + 1)).append("]}");
        }
        Path file = raw("larger-than-heap.safetensors", h.append('}').toString(), new byte[0]);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() + 4 * elements * count);
        }
        assertThatThrownBy(() -> Safetensors.read(file)).isExactlyInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("of heap are free (raise -Xmx");
        REFUSED.incrementAndGet();
    }

    @Test
    void allNanWeights() throws IOException {
        refused(written("nan.safetensors", Float.NaN, Float.NaN, Float.NaN),
                "tensor \"w\" holds 3 of 3 values that are NaN or infinite (the first at index 0)");
    }

    @Test
    void oneInfiniteWeight() throws IOException {
        refused(written("inf.safetensors", 1f, 2f, Float.NEGATIVE_INFINITY), "holds 1 of 3 values", "index 2");
    }

    @Test
    void aBitFlipInTheDataIsCaughtByTheChecksum() throws IOException {
        Path file = written("flip-data.safetensors", 1f, 2f, 3f, 4f);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x10;
        Files.write(file, bytes);
        refused(file, "do not match its checksum rnnlab.sha256 (damaged since it was written)");
    }

    @Test
    void aBitFlipInAMetadataValueIsCaughtByTheChecksum() throws IOException {
        Path file = written("flip-meta.safetensors", 1f, 2f);
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, "\"64\"".getBytes(StandardCharsets.US_ASCII));
        bytes[at + 2] ^= 0x01; // "64" -> "65"
        Files.write(file, bytes);
        refused(file, "do not match its checksum");
    }

    @Test
    void aChecksumThatIsNotHexadecimal() throws IOException {
        Path file = written("bad-sum.safetensors", 1f, 2f);
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, "rnnlab.sha256\":\"".getBytes(StandardCharsets.US_ASCII)) + 16;
        bytes[at] = 'z';
        Files.write(file, bytes);
        refused(file, "is not 64 hexadecimal digits");
    }

    @Test
    void aDirectoryIsNamedAsADirectory() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("model.safetensors"));
        refused(folder, "is a directory, not a safetensors file");
    }

    @Test
    void aMissingFileIsNamed() {
        refused(dir.resolve("absent.safetensors"), "no such file");
    }

    @Test
    void aFileWithoutChecksumFromAnotherToolStillLoads() throws IOException {
        String h = "{\"__metadata__\":{\"format\":\"pt\"},\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        Safetensors.Contents read = Safetensors.read(raw("torch.safetensors", h, floats(1.5f, -2f)));
        assertThat(read.tensors().get("w").toArray()).containsExactly(1.5f, -2f);
        assertThat(read.metadata()).containsExactly(Map.entry("format", "pt"));
    }

    @Test
    void writingAgainReplacesAnOldChecksumSoRewrittenFilesLoad() throws IOException {
        Path file = written("first.safetensors", 1f, 2f);
        Safetensors.Contents first = Safetensors.read(file);
        Map<String, Tensor> changed = Map.of("w", Tensor.of(new float[] {3f, 4f, 5f}, 3));
        Path second = dir.resolve("second.safetensors");
        Safetensors.write(second, changed, first.metadata());
        assertThat(Safetensors.read(second).tensors().get("w").toArray()).containsExactly(3f, 4f, 5f);
        assertThat(Safetensors.read(second).metadata().get(Safetensors.CHECKSUM))
                .isNotEqualTo(first.metadata().get(Safetensors.CHECKSUM));
    }

    @Test
    void aWrittenFileGetsThePermissionsOfAnyNewFileNotOwnerOnly() throws IOException {
        Path file = written("model.safetensors", 1f);
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(expected);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("model.safetensors", "plain.txt");
        }
    }

    @Test
    void aTensorOfMoreThanOneReadChunkRoundTrips() throws IOException {
        float[] values = new float[100_003];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.sin(i);
        }
        Path file = written("long.safetensors", values);
        assertThat(Safetensors.read(file).tensors().get("w").toArray()).isEqualTo(values);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
