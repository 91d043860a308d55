package org.rnnlab.runtime;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.train.Checkpoint;
import org.rnnlab.engine.Tensor;

/**
 * Checkpoints of one run in a folder, as {@code epoch-0003.ckpt}. A checkpoint is written to a
 * temporary file, flushed to the disk, renamed atomically to its name, and only then are older
 * checkpoints deleted: whenever the process dies, the newest complete checkpoint is still there.
 * Every file ends with a CRC-32 of its contents, and {@link #latest()} picks the newest file that reads
 * completely with a matching checksum, so a damaged file is never chosen.
 *
 * <p>Format (big-endian): {@code RNNLABCK}, version, metadata entries (UTF key, UTF value), tensors
 * (UTF name, rank, dimensions, float32 values little-endian), CRC-32 of everything before it.
 */
final class CheckpointStore {
    private static final System.Logger LOG = System.getLogger(CheckpointStore.class.getName());
    private static final byte[] MAGIC = "RNNLABCK".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final Pattern NAME = Pattern.compile("epoch-(\\d+)\\.ckpt");
    private static final String TEMPORARY = ".tmp";
    private static final int MAX_RANK = 8;

    private final Path folder;
    private final UnaryOperator<OutputStream> decorator;

    CheckpointStore(Path folder) {
        this(folder, UnaryOperator.identity());
    }

    /** With a decorator around the file stream, which tests use to make a write fail half-way. */
    CheckpointStore(Path folder, UnaryOperator<OutputStream> decorator) {
        this.folder = folder;
        this.decorator = decorator;
    }

    Path folder() {
        return folder;
    }

    /** The file of the checkpoint after {@code epoch}. */
    Path file(int epoch) {
        return folder.resolve(String.format(java.util.Locale.ROOT, "epoch-%04d.ckpt", epoch));
    }

    /** Writes a checkpoint atomically (see class comment) and returns its file. */
    Path write(Checkpoint checkpoint) throws IOException {
        Path target = file(checkpoint.epoch());
        try {
            return writeAtomically(checkpoint, target);
        } catch (IOException e) {
            // "No space left on device" alone does not say which file
            try {
                Files.deleteIfExists(folder.resolve(target.getFileName() + TEMPORARY));
            } catch (IOException ignored) {
                // the folder itself is unwritable: the write's own error says more
            }
            throw new IOException("cannot write checkpoint " + target + ": " + ErrorText.of(e), e);
        }
    }

    private Path writeAtomically(Checkpoint checkpoint, Path target) throws IOException {
        Files.createDirectories(folder);
        Path temporary = folder.resolve(target.getFileName() + TEMPORARY);
        try (FileOutputStream file = new FileOutputStream(temporary.toFile())) {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(
                    new BufferedOutputStream(decorator.apply(file), 1 << 16), crc));
            writeBody(out, checkpoint);
            out.flush();
            // The checksum goes after the checked stream, straight to the buffered file stream.
            DataOutputStream tail = new DataOutputStream(decorator.apply(file));
            tail.writeLong(crc.getValue());
            tail.flush();
            file.getFD().sync();
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder();
        for (Path older : checkpoints()) {
            if (!older.equals(target) && epochOf(older) < checkpoint.epoch()) {
                Files.deleteIfExists(older);
            }
        }
        return target;
    }

    /** The newest checkpoint that reads completely, if any; a damaged one is logged as a warning and skipped. */
    Optional<Checkpoint> latest() throws IOException {
        return latest(problem -> LOG.log(System.Logger.Level.WARNING, problem));
    }

    /**
     * The newest checkpoint that reads completely, if any. Each damaged one passed over is told to
     * {@code report} in one line (the file, why, and what the run falls back to) before the fallback is returned,
     * so a resume never silently restarts from an older epoch or from the start.
     */
    Optional<Checkpoint> latest(Consumer<String> report) throws IOException {
        List<Path> files = checkpoints();
        files.sort(Comparator.comparingInt(CheckpointStore::epochOf).reversed());
        List<String> damaged = new ArrayList<>();
        for (Path f : files) {
            try {
                Checkpoint c = read(f);
                damaged.forEach(d -> report.accept(d + "; falling back to the checkpoint of epoch " + c.epoch()));
                return Optional.of(c);
            } catch (IOException | RnnlabException e) {
                // passed over: an older one may still be complete
                damaged.add(e instanceof RnnlabException ? e.getMessage()
                        : "checkpoint " + f + " cannot be read: " + ErrorText.of(e));
            }
        }
        damaged.forEach(d -> report.accept(d + "; falling back to the start (epoch 1)"));
        return Optional.empty();
    }

    /**
     * Reads one checkpoint; a damaged file is an {@link RnnlabException} naming it. The file is streamed
     * twice (the checksum first, then the contents), never held whole, and no tensor is allocated larger
     * than the bytes the file has left, whatever its length fields say.
     */
    static Checkpoint read(Path file) throws IOException {
        long size = Files.size(file);
        if (size < MAGIC.length + 8) {
            throw new RnnlabException("checkpoint " + file + " is truncated (" + size + " bytes)");
        }
        long body = size - 8;
        CRC32 crc = new CRC32();
        long stored;
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] chunk = new byte[1 << 16];
            for (long left = body; left > 0; ) {
                int n = in.read(chunk, 0, (int) Math.min(chunk.length, left));
                if (n < 0) {
                    throw new RnnlabException("checkpoint " + file + " is truncated");
                }
                crc.update(chunk, 0, n);
                left -= n;
            }
            stored = in.readLong();
        }
        if (stored != crc.getValue()) {
            throw new RnnlabException("checkpoint " + file + " is damaged: checksum mismatch");
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(
                new BoundedInputStream(Files.newInputStream(file), body), 1 << 16))) {
            return readBody(in, file, body);
        } catch (EOFException e) {
            throw new RnnlabException("checkpoint " + file + " is truncated");
        } catch (java.io.UTFDataFormatException e) {
            throw new RnnlabException("checkpoint " + file + " is damaged: a name is not valid modified UTF-8");
        }
    }

    private List<Path> checkpoints() throws IOException {
        if (!Files.isDirectory(folder)) {
            return new ArrayList<>();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return new ArrayList<>(s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).toList());
        }
    }

    private static int epochOf(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private void syncFolder() {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the rename is still atomic there.
        }
    }

    private static void writeBody(DataOutputStream out, Checkpoint c) throws IOException {
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(c.epoch());
        out.writeInt(c.metadata().size());
        for (Map.Entry<String, String> e : c.metadata().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        out.writeInt(c.tensors().size());
        ByteBuffer buffer = ByteBuffer.allocate(1 << 14).order(ByteOrder.LITTLE_ENDIAN);
        for (Map.Entry<String, Tensor> e : c.tensors().entrySet()) {
            Tensor t = e.getValue();
            out.writeUTF(e.getKey());
            int[] shape = t.shape();
            out.writeInt(shape.length);
            for (int d : shape) {
                out.writeInt(d);
            }
            float[] data = t.data();
            int end = t.offset() + t.size();
            for (int i = t.offset(); i < end; ) {
                buffer.clear();
                while (i < end && buffer.remaining() >= Float.BYTES) {
                    buffer.putFloat(data[i++]);
                }
                out.write(buffer.array(), 0, buffer.position());
            }
        }
    }

    private static Checkpoint readBody(DataInputStream in, Path file, long bodyBytes) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new RnnlabException("checkpoint " + file + " is not an rnnlab checkpoint");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new RnnlabException("checkpoint " + file + " has version " + version + "; this build reads " + VERSION);
        }
        int epoch = in.readInt();
        Map<String, String> meta = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            meta.put(in.readUTF(), in.readUTF());
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            String name = in.readUTF();
            if (tensors.containsKey(name)) {
                throw new RnnlabException("checkpoint " + file + " is damaged: tensor '" + name + "' appears twice");
            }
            int rank = in.readInt();
            if (rank < 0 || rank > MAX_RANK) {
                throw new RnnlabException("checkpoint " + file + " is damaged: tensor '" + name + "' has rank " + rank);
            }
            int[] shape = new int[rank];
            long elements = 1;
            for (int d = 0; d < shape.length; d++) {
                shape[d] = in.readInt();
                if (shape[d] < 0) {
                    throw new RnnlabException("checkpoint " + file + " is damaged: tensor '" + name + "' has dimension "
                            + shape[d]);
                }
                elements *= shape[d];
                // checked at each dimension so the product cannot overflow: the values must fit in the file
                if (elements * Float.BYTES > bodyBytes) {
                    throw new RnnlabException("checkpoint " + file + " is damaged: tensor '" + name + "' of shape "
                            + java.util.Arrays.toString(java.util.Arrays.copyOf(shape, d + 1))
                            + (d + 1 < shape.length ? "..." : "") + " needs more bytes than the file holds");
                }
            }
            Tensor t = Tensor.zeros(shape);
            byte[] raw = in.readNBytes(t.size() * Float.BYTES);
            if (raw.length != t.size() * Float.BYTES) {
                throw new EOFException();
            }
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(t.data());
            tensors.put(name, t);
        }
        if (in.read() >= 0) {
            throw new RnnlabException("checkpoint " + file + " is damaged: bytes follow its last tensor");
        }
        return new Checkpoint(epoch, meta, tensors);
    }
}
