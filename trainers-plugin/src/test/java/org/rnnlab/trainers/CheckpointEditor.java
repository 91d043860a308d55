package org.rnnlab.trainers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Reads and rewrites a checkpoint file in the format its store documents (magic, version, epoch, metadata,
 * tensors as name, rank, dimensions and float32 little-endian values, then a CRC-32), so a test can hand a
 * trainer a checkpoint with a valid checksum whose contents were changed: what a checksum cannot catch.
 */
final class CheckpointEditor {
    final int version;
    final int epoch;
    final Map<String, String> metadata = new LinkedHashMap<>();
    final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private final byte[] magic;

    /** One tensor as stored: its shape and values. */
    record Tensor(int[] shape, float[] values) {}

    CheckpointEditor(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 8))) {
            magic = in.readNBytes(8);
            version = in.readInt();
            epoch = in.readInt();
            for (int i = in.readInt(); i > 0; i--) {
                metadata.put(in.readUTF(), in.readUTF());
            }
            for (int n = in.readInt(); n > 0; n--) {
                String name = in.readUTF();
                int[] shape = new int[in.readInt()];
                int size = 1;
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readInt();
                    size *= shape[d];
                }
                float[] values = new float[size];
                ByteBuffer.wrap(in.readNBytes(size * 4)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
                tensors.put(name, new Tensor(shape, values));
            }
        }
    }

    /** Writes the (edited) checkpoint to {@code file} with a checksum that matches its new contents. */
    void write(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(magic);
        out.writeInt(version);
        out.writeInt(epoch);
        out.writeInt(metadata.size());
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        out.writeInt(tensors.size());
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().shape().length);
            for (int d : e.getValue().shape()) {
                out.writeInt(d);
            }
            ByteBuffer values = ByteBuffer.allocate(e.getValue().values().length * 4).order(ByteOrder.LITTLE_ENDIAN);
            values.asFloatBuffer().put(e.getValue().values());
            out.write(values.array());
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        Files.write(file, bytes.toByteArray());
    }
}
