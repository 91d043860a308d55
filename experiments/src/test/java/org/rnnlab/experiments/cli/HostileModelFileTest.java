package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.Safetensors;
import org.rnnlab.engine.Tensor;

/**
 * {@code lab generate} on the hostile model files of issue 20, made from a real (tiny) model: each is
 * refused with exit 1 and one line naming the file and the problem, before a model is built from it,
 * never with an OutOfMemoryError, a StackOverflowError or a stack trace.
 */
class HostileModelFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Result(int exit, String out, String err) {}

    @TempDir
    static Path runs;
    private static Path model;
    private static Safetensors.Contents contents;

    @TempDir
    Path tmp;

    private static Result lab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Lab.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void trainATinyLanguageModel() throws IOException {
        Result r = lab("run", "hello", "--set", "epochs=1", "--threads", "1", "--out", runs.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        Matcher m = Pattern.compile("run directory: (.+)").matcher(r.out());
        assertThat(m.find()).isTrue();
        model = Path.of(m.group(1).strip()).resolve("s1/model.safetensors");
        contents = Safetensors.read(model);
    }

    /** A copy of the model's folder (for its vocabulary) with the model file replaced by {@code bytes}. */
    private Path hostile(byte[] bytes) throws IOException {
        Path file = tmp.resolve("model.safetensors");
        Files.copy(model.resolveSibling("vocabulary.txt"), tmp.resolve("vocabulary.txt"));
        return Files.write(file, bytes);
    }

    private Path rewritten(Map<String, Tensor> tensors, Map<String, String> changes) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>(contents.metadata());
        meta.putAll(changes);
        Path file = tmp.resolve("model.safetensors");
        Files.copy(model.resolveSibling("vocabulary.txt"), tmp.resolve("vocabulary.txt"));
        Safetensors.write(file, tensors, meta);
        return file;
    }

    /** The model file with its header edited as JSON (its checksum removed, as another tool would leave it). */
    private Path headerEdited(Consumer<ObjectNode> edit) throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        ObjectNode header = (ObjectNode) JSON.readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
        ((ObjectNode) header.get("__metadata__")).remove(Safetensors.CHECKSUM);
        edit.accept(header);
        byte[] h = JSON.writeValueAsBytes(header);
        ByteBuffer out = ByteBuffer.allocate(8 + h.length + bytes.length - 8 - (int) n).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(h.length).put(h).put(bytes, 8 + (int) n, bytes.length - 8 - (int) n);
        return hostile(out.array());
    }

    private static void refused(Path file, String... fragments) {
        Result r = lab("generate", file.toString(), "--count", "1");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains(file.toString()).contains(fragments).doesNotContain("\tat ")
                .doesNotContain("OutOfMemoryError").doesNotContain("StackOverflowError");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theUntouchedModelGenerates() {
        Result r = lab("generate", model.toString(), "--count", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(2);
    }

    @Test
    void aMillionLayers() throws IOException {
        refused(rewritten(contents.tensors(), Map.of("layers", "1000000")),
                "its metadata says layers=1000000 but it holds the tensors of layers [0]");
    }

    @Test
    void twelveThousandHiddenUnits() throws IOException {
        refused(rewritten(contents.tensors(), Map.of("hidden", "12000")), "its metadata says hidden=12000 but head.weight has shape");
    }

    @Test
    void threeHundredThousandNestedBrackets() throws IOException {
        byte[] h = "[".repeat(300_000).getBytes(StandardCharsets.US_ASCII);
        refused(hostile(ByteBuffer.allocate(8 + h.length).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h).array()),
                "nests deeper than 32 levels");
    }

    @Test
    void threeGigabytesAppended() throws IOException {
        Path file = hostile(Files.readAllBytes(model));
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() + 3_000_000_000L); // sparse
        }
        refused(file, "data bytes but its tensors cover only");
    }

    @Test
    void overlappingOffsets() throws IOException {
        refused(headerEdited(h -> {
            ArrayNode offsets = (ArrayNode) h.get("head.bias").get("data_offsets");
            long begin = offsets.get(0).asLong();
            offsets.set(0, begin - 4);
            offsets.set(1, offsets.get(1).asLong() - 4);
        }), "overlap");
    }

    @Test
    void anExtraTensor() throws IOException {
        Map<String, Tensor> more = new LinkedHashMap<>(contents.tensors());
        more.put("smuggled", Tensor.of(new float[] {1f, 2f}, 2));
        refused(rewritten(more, Map.of()), "holds tensors the model its metadata describes does not have: 'smuggled'");
    }

    @Test
    void allNanWeights() throws IOException {
        Map<String, Tensor> nan = new LinkedHashMap<>();
        contents.tensors().forEach((name, t) -> {
            float[] values = new float[t.size()];
            Arrays.fill(values, Float.NaN);
            nan.put(name, Tensor.of(values, t.shape()));
        });
        refused(rewritten(nan, Map.of()), "values that are NaN or infinite");
    }

    @Test
    void aNegativeShape() throws IOException {
        refused(headerEdited(h -> ((ArrayNode) h.get("head.weight").get("shape")).set(0, -30)),
                "tensor \"head.weight\" has a negative dimension -30");
    }

    @Test
    void aBitFlipInTheWeights() throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length - 5] ^= 0x04;
        refused(hostile(bytes), "do not match its checksum");
    }

    @Test
    void aDirectory() throws IOException {
        refused(Files.createDirectories(tmp.resolve("model.safetensors")), "is a directory, not a model file");
    }
}
