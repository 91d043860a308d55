package org.rnnlab.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A variant's folder as a map of relative paths ({@code /}-separated) to contents, and back. */
final class FolderFiles {
    private FolderFiles() {}

    /** Every regular file under {@code folder}, by its path relative to it; empty if there is no folder. */
    static Map<String, byte[]> read(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString().replace(java.io.File.separatorChar, '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /**
     * Writes {@code files} under {@code folder}, each to a temporary file renamed over its name, and removes the
     * checkpoints there that {@code files} does not have (a local run keeps only its last one).
     */
    static void write(Path folder, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = folder.resolve(f.getKey()).normalize();
            if (!target.startsWith(folder)) {
                throw new IOException("a member sent a file outside the variant's folder: " + f.getKey());
            }
            atomically(target, f.getValue());
        }
        Path checkpoints = folder.resolve(CheckpointFiles.FOLDER);
        if (Files.isDirectory(checkpoints)) {
            try (Stream<Path> list = Files.list(checkpoints)) {
                for (Path p : list.toList()) {
                    String key = CheckpointFiles.FOLDER + "/" + p.getFileName();
                    if (CheckpointFiles.isCheckpoint(p) && !files.containsKey(key)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    static void atomically(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
        Files.write(tmp, content);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // scratch space: what cannot be removed now is the temporary folder's to clean
        }
    }
}
