package org.rnnlab.cluster;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A variant's checkpoint files ({@code checkpoint/epoch-0003.ckpt}, as the runtime's checkpoint store names
 * them), moved as they are: the store's own checksum tells a damaged copy from a good one when it is read.
 */
final class CheckpointFiles {
    static final String FOLDER = "checkpoint";
    private static final Pattern NAME = Pattern.compile("epoch-(\\d+)\\.ckpt");

    /** A checkpoint file's epoch, name and bytes: the value of the replicated checkpoint map. */
    record Entry(int epoch, String name, byte[] bytes) implements Serializable {}

    private CheckpointFiles() {}

    static boolean isCheckpoint(Path file) {
        return NAME.matcher(file.getFileName().toString()).matches();
    }

    /** The newest checkpoint file in the variant's {@code folder}, if it has one. */
    static Optional<Entry> newest(Path folder) throws IOException {
        Path dir = folder.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Optional<Path> newest;
        try (Stream<Path> list = Files.list(dir)) {
            newest = list.filter(CheckpointFiles::isCheckpoint).max(Comparator.comparingInt(CheckpointFiles::epoch));
        }
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        Path file = newest.get();
        return Optional.of(new Entry(epoch(file), file.getFileName().toString(), Files.readAllBytes(file)));
    }

    /** Puts {@code entry} into the variant's {@code folder} as the only checkpoint there. */
    static void install(Path folder, Entry entry) throws IOException {
        Path dir = folder.resolve(FOLDER);
        FolderFiles.atomically(dir.resolve(entry.name()), entry.bytes());
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(CheckpointFiles::isCheckpoint).toList()) {
                if (!p.getFileName().toString().equals(entry.name())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static int epoch(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
}
