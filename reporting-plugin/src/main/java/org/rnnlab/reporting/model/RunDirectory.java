package org.rnnlab.reporting.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.rnnlab.api.RnnlabException;

/**
 * An experiment run's folder ({@code runs/<experiment>/<timestamp>/}) and the only place reporters
 * write: every path handed out is checked to lie inside it, so a variant name such as {@code ../x} can
 * never make a reporter write elsewhere.
 */
public record RunDirectory(Path root) {
    public RunDirectory {
        root = root.toAbsolutePath().normalize();
    }

    /** A file directly in the run folder, such as {@code summary.csv}. */
    public Path file(String fileName) {
        return inside(root.resolve(fileName), "file name '" + fileName + "'");
    }

    /** The folder of one variant, {@code <run>/<variant>/}. */
    public Path variantDirectory(String variant) {
        Path dir = inside(root.resolve(variant), "variant name '" + variant + "'");
        if (dir.equals(root) || !dir.getParent().equals(root)) {
            throw new RnnlabException("variant name '" + variant + "' is not a plain folder name inside " + root);
        }
        return dir;
    }

    /** A file in one variant's folder, such as {@code <run>/<variant>/metrics.csv}. */
    public Path variantFile(String variant, String fileName) {
        Path dir = variantDirectory(variant);
        return inside(dir.resolve(fileName), "file name '" + fileName + "' of variant '" + variant + "'");
    }

    private Path inside(Path path, String what) {
        Path p = path.toAbsolutePath().normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new RnnlabException(what + " would leave the run directory " + root);
        }
        return p;
    }

    /**
     * Replaces {@code target} (which must come from this directory) with {@code text} so that a reader
     * sees either the old or the new file, never half of one. A failure (full disk, read-only folder)
     * leaves the old file and no temporary one, and is an {@link IOException} whose message names the
     * file and the cause in one line.
     */
    public void write(Path target, String text) throws IOException {
        Path file = inside(target, "path '" + target + "'");
        // not Files.createTempFile: its owner-only permissions would pass to the report, which is meant to be shared
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(tmp, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + cause(e), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // the folder itself is gone or unwritable: the write's own error says more
            }
        }
    }

    /** The cause in words: the JDK's file exceptions carry the path as their message and the reason apart. */
    private static String cause(IOException e) {
        String reason = e instanceof java.nio.file.FileSystemException f ? f.getReason() : e.getMessage();
        if (reason != null && !reason.isBlank()) {
            return reason;
        }
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                : e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way"
                : e instanceof java.nio.file.DirectoryNotEmptyException ? "a folder is in the way"
                : e.getClass().getSimpleName();
    }
}
