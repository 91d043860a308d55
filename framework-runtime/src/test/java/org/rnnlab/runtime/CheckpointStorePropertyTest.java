package org.rnnlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Assertions;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.train.Checkpoint;
import org.rnnlab.engine.Tensor;

/**
 * Property-based checks of the checkpoint reader (jqwik, fixed seeds so a run is repeatable; issue 20,
 * point 7): a checkpoint the store wrote reads back exactly; cut short or with a bit flipped it is refused
 * by its checksum; with any 4 bytes overwritten (a length, a rank, a dimension, a count) and the checksum
 * made to match again, it is either read or refused with an {@link RnnlabException} of one line naming the
 * file, within seconds, and never with any other throwable nor a tensor larger than the file.
 */
class CheckpointStorePropertyTest {
    private static final AtomicInteger READ = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static Path dir;

    @BeforeContainer
    static void makeFolder() throws IOException {
        dir = Files.createTempDirectory("checkpoint-properties");
    }

    @AfterContainer
    static void removeFolder() throws IOException {
        System.out.println("checkpoint files read: " + READ.get() + ", refused with one line: " + REFUSED.get());
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    /** What a test wrote: the checkpoint and the file's bytes. */
    record Written(Checkpoint checkpoint, byte[] bytes) {}

    @Provide
    Arbitrary<Written> checkpoints() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\u0000', 'é', '☃', '/')
                .ofMinLength(1).ofMaxLength(12);
        Arbitrary<int[]> shapes = Arbitraries.integers().between(0, 5).array(int[].class).ofMaxSize(3);
        Arbitrary<Tensor> tensors = shapes.flatMap(shape -> Arbitraries.floats()
                .array(float[].class).ofSize(Arrays.stream(shape).reduce(1, (a, b) -> a * b))
                .map(values -> Tensor.of(values, shape)));
        Arbitrary<Map<String, Tensor>> named = Arbitraries.maps(text, tensors).ofMaxSize(4);
        Arbitrary<Map<String, String>> metadata = Arbitraries.maps(text, text).ofMaxSize(4);
        return Combinators.combine(Arbitraries.integers().between(1, 9999), metadata, named)
                .as((epoch, m, t) -> write(new Checkpoint(epoch, m, new LinkedHashMap<>(t))));
    }

    private static Written write(Checkpoint checkpoint) {
        try {
            Path folder = Files.createTempDirectory(dir, "store");
            Path file = new CheckpointStore(folder).write(checkpoint);
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            Files.delete(folder);
            return new Written(checkpoint, bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Reads {@code bytes} from a file: the checkpoint, or null when refused with one line naming the file. */
    private static Checkpoint readOrRefuse(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "damaged", ".ckpt");
        Files.write(file, bytes);
        READ.incrementAndGet();
        try {
            Object result = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    return CheckpointStore.read(file);
                } catch (RnnlabException refused) {
                    return refused;
                }
            });
            if (result instanceof RnnlabException refused) {
                assertThat(refused.getMessage()).contains(file.toString()).doesNotContain("\n").doesNotContain("\r");
                REFUSED.incrementAndGet();
                return null;
            }
            Checkpoint read = (Checkpoint) result;
            long values = read.tensors().values().stream().mapToLong(Tensor::size).sum();
            assertThat(values * Float.BYTES).as("tensors no larger than the file").isLessThanOrEqualTo(bytes.length);
            return read;
        } finally {
            Files.delete(file);
        }
    }

    private static void assertSame(Checkpoint read, Checkpoint written) {
        assertThat(read.epoch()).isEqualTo(written.epoch());
        assertThat(read.metadata()).isEqualTo(written.metadata());
        assertThat(read.tensors().keySet()).containsExactlyElementsOf(written.tensors().keySet());
        written.tensors().forEach((name, t) -> {
            assertThat(read.tensors().get(name).shape()).isEqualTo(t.shape());
            float[] got = read.tensors().get(name).toArray();
            float[] want = t.toArray();
            for (int i = 0; i < want.length; i++) {
                assertThat(Float.floatToRawIntBits(got[i])).as(name + "[" + i + "]").isEqualTo(Float.floatToRawIntBits(want[i]));
            }
        });
    }

    /** The bytes with their last 8 replaced by the CRC-32 of the rest: damage the checksum cannot see. */
    private static byte[] withMatchingChecksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        ByteBuffer.wrap(bytes).putLong(bytes.length - 8, crc.getValue());
        return bytes;
    }

    @Property(tries = 50, seed = "20261211")
    void whatIsWrittenReadsBackExactly(@ForAll("checkpoints") Written w) throws IOException {
        Checkpoint read = readOrRefuse(w.bytes());
        assertThat(read).as("an intact file is read").isNotNull();
        assertSame(read, w.checkpoint());
    }

    @Property(tries = 50, seed = "20261212")
    void aFileCutShortIsRefused(@ForAll("checkpoints") Written w, @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int cut)
            throws IOException {
        assertThat(readOrRefuse(Arrays.copyOf(w.bytes(), cut % w.bytes().length))).isNull();
    }

    @Property(tries = 100, seed = "20261213")
    void aFlippedBitIsRefused(@ForAll("checkpoints") Written w, @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where)
            throws IOException {
        byte[] flipped = w.bytes().clone();
        int bit = where % (flipped.length * 8);
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        // CRC-32 detects every single-bit error
        assertThat(readOrRefuse(flipped)).isNull();
    }

    @Property(tries = 200, seed = "20261214")
    void anyFourBytesOverwrittenBehindAValidChecksumReadOrAreRefused(
            @ForAll("checkpoints") Written w, @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where,
            @ForAll int value) throws IOException {
        byte[] changed = w.bytes().clone();
        int body = changed.length - 8;
        int at = where % Math.max(1, body - 3);
        ByteBuffer.wrap(changed).putInt(at, value);
        Checkpoint read = readOrRefuse(withMatchingChecksum(changed));
        if (read != null && Arrays.equals(changed, withMatchingChecksum(w.bytes().clone()))) {
            assertSame(read, w.checkpoint());
        }
    }

    @Property(tries = 40, seed = "20261215")
    void aHugeTensorCountRankOrDimensionIsRefusedWithoutAllocating(
            @ForAll("checkpoints") Written w, @ForAll @IntRange(min = 0, max = 3) int field) throws IOException {
        // a file of one tensor whose declared size is far beyond the file's: 2^31-1 per dimension
        Map<String, Tensor> one = new LinkedHashMap<>();
        one.put("w", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        byte[] bytes = write(new Checkpoint(w.checkpoint().epoch(), Map.of(), one)).bytes();
        // after magic (8), version, epoch, metadata count (0), tensor count, name (2 + 1): rank, then dims
        int rankAt = 8 + 4 + 4 + 4 + 4 + 3;
        ByteBuffer b = ByteBuffer.wrap(bytes);
        assertThat(b.getInt(rankAt)).isEqualTo(2);
        switch (field) {
            case 0 -> b.putInt(rankAt, Integer.MAX_VALUE);
            case 1 -> b.putInt(rankAt + 4, Integer.MAX_VALUE);
            case 2 -> b.putInt(rankAt + 8, -3);
            default -> b.putInt(rankAt - 3 - 4, Integer.MAX_VALUE);
        }
        assertThat(readOrRefuse(withMatchingChecksum(bytes))).isNull();
    }
}
