package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
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

/**
 * Property-based checks of the safetensors reader (jqwik, fixed seeds so a run is repeatable): a file
 * rnnlab wrote reads back exactly; cut short, with a bit flipped, with another header length, or with a
 * header nested arbitrarily deep, it is either read exactly as written or refused with an
 * {@link IOException} of one line naming the file, within seconds, and never with any other throwable.
 * The one way a flipped file reads without its checksum is a flip in the checksum's own key: it then
 * reads as another tool's file, and its tensors are still the ones written.
 */
class SafetensorsPropertyTest {
    private static final java.util.concurrent.atomic.AtomicInteger READ = new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger REFUSED = new java.util.concurrent.atomic.AtomicInteger();
    private static Path dir;

    @BeforeContainer
    static void makeFolder() throws IOException {
        dir = Files.createTempDirectory("safetensors-properties");
    }

    @AfterContainer
    static void removeFolder() throws IOException {
        System.out.println("safetensors files read: " + READ.get() + ", refused with one line: " + REFUSED.get());
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    /** What a test wrote: its tensors (in order), metadata, and the file's bytes. */
    record Written(Map<String, Tensor> tensors, Map<String, String> metadata, byte[] bytes) {}

    @Provide
    Arbitrary<Written> files() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\t', '\u0001', 'é', '☃', '"', '\\')
                .ofMinLength(1).ofMaxLength(10);
        Arbitrary<int[]> shapes = Arbitraries.integers().between(0, 5).array(int[].class).ofMaxSize(3);
        Arbitrary<Tensor> tensors = shapes.flatMap(shape -> Arbitraries.floats().filter(Float::isFinite)
                .array(float[].class).ofSize(Arrays.stream(shape).reduce(1, (a, b) -> a * b))
                .map(values -> Tensor.of(values, shape)));
        Arbitrary<Map<String, Tensor>> named = Arbitraries.maps(text.filter(n -> !n.equals("__metadata__")), tensors)
                .ofMinSize(1).ofMaxSize(4);
        Arbitrary<Map<String, String>> metadata = Arbitraries.maps(text.filter(k -> !k.equals(Safetensors.CHECKSUM)), text)
                .ofMaxSize(3);
        return Combinators.combine(named, metadata).as((t, m) -> write(new LinkedHashMap<>(t), m));
    }

    private static Written write(Map<String, Tensor> tensors, Map<String, String> metadata) {
        try {
            Path file = Files.createTempFile(dir, "written", ".safetensors");
            Safetensors.write(file, tensors, metadata);
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            return new Written(tensors, metadata, bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Reads {@code bytes} from a file: the contents, or null when refused with one line naming the file. */
    private static Safetensors.Contents readOrRefuse(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "damaged", ".safetensors");
        Files.write(file, bytes);
        READ.incrementAndGet();
        try {
            Object result = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    return Safetensors.read(file);
                } catch (IOException refused) {
                    return refused;
                }
            });
            if (result instanceof IOException refused) {
                assertThat(refused).isExactlyInstanceOf(IOException.class);
                assertThat(refused.getMessage()).contains(file.toString()).doesNotContain("\n").doesNotContain("\r");
                REFUSED.incrementAndGet();
                return null;
            }
            return (Safetensors.Contents) result;
        } finally {
            Files.delete(file);
        }
    }

    private static void assertSame(Safetensors.Contents read, Map<String, Tensor> tensors) {
        assertThat(read.tensors().keySet()).containsExactlyElementsOf(tensors.keySet());
        tensors.forEach((name, t) -> {
            assertThat(read.tensors().get(name).shape()).isEqualTo(t.shape());
            float[] got = read.tensors().get(name).toArray();
            float[] want = t.toArray();
            for (int i = 0; i < want.length; i++) {
                assertThat(Float.floatToRawIntBits(got[i])).as(name + "[" + i + "]").isEqualTo(Float.floatToRawIntBits(want[i]));
            }
        });
    }

    @Property(tries = 100, seed = "20261201")
    void whatIsWrittenReadsBackExactly(@ForAll("files") Written w) throws IOException {
        Safetensors.Contents read = readOrRefuse(w.bytes());
        assertThat(read).as("an intact file is read").isNotNull();
        assertSame(read, w.tensors());
        assertThat(read.metadata()).containsAllEntriesOf(w.metadata()).containsKey(Safetensors.CHECKSUM)
                .hasSize(w.metadata().size() + 1);
    }

    @Property(tries = 100, seed = "20261202")
    void aFileCutShortIsRefused(@ForAll("files") Written w, @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int cut)
            throws IOException {
        byte[] shorter = Arrays.copyOf(w.bytes(), cut % w.bytes().length);
        assertThat(readOrRefuse(shorter)).isNull();
    }

    @Property(tries = 200, seed = "20261203")
    void aFlippedBitIsRefusedOrChangesNothingWritten(@ForAll("files") Written w,
                                                     @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where)
            throws IOException {
        byte[] flipped = w.bytes().clone();
        int bit = where % (flipped.length * 8);
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        Safetensors.Contents read = readOrRefuse(flipped);
        if (read != null) {
            assertThat(read.metadata()).as("only a flip in the checksum's key reads").doesNotContainKey(Safetensors.CHECKSUM);
            assertSame(read, w.tensors());
        }
    }

    @Property(tries = 100, seed = "20261204")
    void anyOtherHeaderLengthIsRefused(@ForAll("files") Written w, @ForAll long length) throws IOException {
        long actual = ByteBuffer.wrap(w.bytes()).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        byte[] changed = w.bytes().clone();
        ByteBuffer.wrap(changed).order(ByteOrder.LITTLE_ENDIAN).putLong(0, length);
        Safetensors.Contents read = readOrRefuse(changed);
        if (length == actual) {
            assertSame(read, w.tensors());
        } else {
            assertThat(read).isNull();
        }
    }

    @Property(tries = 40, seed = "20261205")
    void headersNestedToAnyDepthAreRefused(@ForAll @IntRange(min = 1, max = 400_000) int depth,
                                           @ForAll boolean objects, @ForAll boolean closed) throws IOException {
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        String header = open.repeat(depth) + "0" + (closed ? close.repeat(depth) : "");
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        byte[] file = ByteBuffer.allocate(8 + h.length).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h).array();
        assertThat(readOrRefuse(file)).isNull();
    }

    @Property(tries = 200, seed = "20261206")
    void arbitraryBytesAreRefused(@ForAll byte[] bytes) throws IOException {
        assertThat(readOrRefuse(bytes)).isNull();
    }
}
