package org.rnnlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.train.Checkpoint;
import org.rnnlab.engine.Tensor;

class CheckpointStoreTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsTensorsAndMetadataExactly() throws IOException {
        CheckpointStore store = new CheckpointStore(dir);
        Checkpoint c = checkpoint(3, 1.5f);
        store.write(c);
        Checkpoint back = store.latest().orElseThrow();
        assertThat(back.epoch()).isEqualTo(3);
        assertThat(back.metadata()).isEqualTo(c.metadata());
        assertThat(back.tensors().get("model/w").shape()).containsExactly(2, 3);
        assertThat(back.tensors().get("model/w").toArray()).containsExactly(c.tensors().get("model/w").toArray());
        assertThat(back.under("model")).containsOnlyKeys("w");
    }

    @Test
    void keepsOnlyTheNewestCompleteCheckpoint() throws IOException {
        CheckpointStore store = new CheckpointStore(dir);
        store.write(checkpoint(1, 1f));
        store.write(checkpoint(2, 2f));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("epoch-0002.ckpt");
        }
    }

    @Test
    void aWriteKilledHalfWayLeavesThePreviousCheckpointChosen() throws IOException {
        new CheckpointStore(dir).write(checkpoint(1, 1f));
        CheckpointStore dying = new CheckpointStore(dir, out -> new DiesAfter(out, 100));
        assertThatThrownBy(() -> dying.write(checkpoint(2, 2f))).isInstanceOf(IOException.class);
        Checkpoint chosen = new CheckpointStore(dir).latest().orElseThrow();
        assertThat(chosen.epoch()).isEqualTo(1);
        assertThat(chosen.tensors().get("model/w").toArray()[0]).isEqualTo(1f);
    }

    @Test
    void aDamagedNewerFileIsNeverChosen() throws IOException {
        CheckpointStore store = new CheckpointStore(dir);
        store.write(checkpoint(1, 1f));
        // As if a crash had left a complete-looking name over incomplete data (a file system without ordering).
        Path fake = dir.resolve("epoch-0002.ckpt");
        byte[] good = Files.readAllBytes(dir.resolve("epoch-0001.ckpt"));
        Files.write(fake, java.util.Arrays.copyOf(good, good.length / 2));
        assertThat(store.latest().orElseThrow().epoch()).isEqualTo(1);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 1;
        Files.write(fake, flipped);
        assertThat(store.latest().orElseThrow().epoch()).isEqualTo(1);
        assertThatThrownBy(() -> CheckpointStore.read(fake)).isInstanceOf(RnnlabException.class)
                .hasMessageContaining("epoch-0002.ckpt").hasMessageContaining("checksum");
    }

    @Test
    void aDamagedCheckpointIsReportedWithItsFileAndWhyBeforeTheFallback() throws IOException {
        CheckpointStore store = new CheckpointStore(dir);
        store.write(checkpoint(1, 1f));
        byte[] good = Files.readAllBytes(dir.resolve("epoch-0001.ckpt"));
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 1;
        Files.write(dir.resolve("epoch-0002.ckpt"), flipped);
        List<String> reports = new ArrayList<>();
        assertThat(store.latest(reports::add).orElseThrow().epoch()).isEqualTo(1);
        assertThat(reports).singleElement().asString().contains("epoch-0002.ckpt").contains("checksum mismatch")
                .contains("falling back to the checkpoint of epoch 1");

        // the only checkpoint damaged: reported, then the start, never a silent restart
        Files.write(dir.resolve("epoch-0001.ckpt"), java.util.Arrays.copyOf(good, good.length / 2));
        reports.clear();
        assertThat(store.latest(reports::add)).isEmpty();
        assertThat(reports).hasSize(2);
        assertThat(reports.getLast()).contains("epoch-0001.ckpt").contains("falling back to the start (epoch 1)");
    }

    @Test
    void noCheckpointMeansEmpty() throws IOException {
        assertThat(new CheckpointStore(dir.resolve("none")).latest()).isEmpty();
    }

    private static Checkpoint checkpoint(int epoch, float first) {
        Tensor w = Tensor.of(new float[] {first, -2f, Float.MIN_VALUE, 3.25f, 1e-30f, 7f}, 2, 3);
        Tensor m = Tensor.zeros(1000).fill(0.5f);
        return new Checkpoint(epoch, Map.of("step", Long.toString(10L * epoch), "seed", "42"),
                Map.of("model/w", w, "optimizer/w.exp_avg", m));
    }

    /** Throws after {@code limit} bytes, as a process killed in the middle of the write would stop. */
    private static final class DiesAfter extends FilterOutputStream {
        private int left;

        DiesAfter(OutputStream out, int limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (--left < 0) {
                throw new IOException("killed");
            }
            super.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }
}
