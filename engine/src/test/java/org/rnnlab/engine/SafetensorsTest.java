package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsNamesShapesValuesOrderAndMetadata() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("weight_ih_l0", Tensor.of(new float[] {1f, -2.5f, 3e-7f, Float.MAX_VALUE, -0f, 6f}, 2, 3));
        tensors.put("bias_ih_l0", Tensor.of(new float[] {0.125f, -1f}, 2));
        tensors.put("scalar", Tensor.scalar(42f));
        Path file = dir.resolve("model.safetensors");
        Safetensors.write(file, tensors, Map.of("format", "pt", "cell", "lstm \"quoted\""));

        Safetensors.Contents read = Safetensors.read(file);

        assertThat(read.tensors().keySet()).containsExactly("weight_ih_l0", "bias_ih_l0", "scalar");
        tensors.forEach((name, t) -> {
            assertThat(read.tensors().get(name).shape()).isEqualTo(t.shape());
            assertThat(read.tensors().get(name).toArray()).isEqualTo(t.toArray());
        });
        assertThat(read.metadata()).containsEntry("format", "pt").containsEntry("cell", "lstm \"quoted\"");
    }

    @Test
    void layoutIsTheReferenceOne() throws IOException {
        Path file = dir.resolve("one.safetensors");
        Safetensors.write(file, Map.of("w", Tensor.of(new float[] {1f, 2f}, 2)), Map.of());
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = b.getLong();
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8).strip();
        assertThat(header).matches("\\{\"__metadata__\":\\{\"rnnlab.sha256\":\"[0-9a-f]{64}\"},"
                + "\"w\":\\{\"dtype\":\"F32\",\"shape\":\\[2],\"data_offsets\":\\[0,8]}}");
        assertThat((8 + n) % 8).as("data starts 8-byte aligned").isZero();
        b.position((int) (8 + n));
        assertThat(b.getFloat()).isEqualTo(1f);
        assertThat(b.getFloat()).isEqualTo(2f);
    }

    @Test
    void readsOtherFloatTypesAsFloat32() throws IOException {
        String header = "{\"d\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[8,10]}}";
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + head.length + 10).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(head.length).put(head).putDouble(0.5).putShort((short) (Float.floatToIntBits(-3f) >>> 16));
        Path file = dir.resolve("mixed.safetensors");
        Files.write(file, b.array());
        Safetensors.Contents read = Safetensors.read(file);
        assertThat(read.tensors().get("d").item()).isEqualTo(0.5f);
        assertThat(read.tensors().get("b").item()).isEqualTo(-3f);
    }

    @Test
    void malformedFilesAreNamed() throws IOException {
        Path file = dir.resolve("bad.safetensors");
        Files.write(file, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> Safetensors.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.safetensors").hasMessageContaining("header length");
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,8]}}";
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + head.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(head.length).put(head);
        Files.write(file, b.array());
        assertThatThrownBy(() -> Safetensors.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("tensor \"w\"");
    }
}
