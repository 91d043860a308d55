package org.rnnlab.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.rnnlab.api.RnnlabException;

/**
 * The lock a run or a resume holds on its run folder while it writes there: an operating-system lock on
 * {@value #FILE} in the folder, whose text names the holder (process id, command, start time). A second
 * run or resume of the same folder is refused with one line naming that holder. The lock goes with the
 * process: a run killed with SIGKILL leaves the file but not the lock, and the next resume takes it over.
 */
public final class RunFolderLock implements AutoCloseable {
    /** The lock file's name in the run folder. */
    public static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code runFolder} for {@code command} (e.g. {@code lab run hello}), or throws an
     * {@link RnnlabException} naming the process that holds it.
     */
    public static RunFolderLock acquire(Path runFolder, String command) {
        Path file = runFolder.resolve(FILE);
        FileChannel channel;
        try {
            Files.createDirectories(runFolder);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new RnnlabException("cannot lock run folder " + runFolder + ": " + ErrorText.of(e), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException held) {
            lock = null; // held by this very process
        } catch (IOException e) {
            close(channel);
            throw new RnnlabException("cannot lock run folder " + runFolder + ": " + ErrorText.of(e), e);
        }
        if (lock == null) {
            String holder = holder(file);
            close(channel);
            throw new RnnlabException("run folder " + runFolder + " is in use by " + holder
                    + "; wait for it to end, or stop it, before running or resuming here");
        }
        try {
            ProcessHandle self = ProcessHandle.current();
            String text = "process " + self.pid() + " (" + ErrorText.oneLine(command) + ", since " + Instant.now() + ")\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            release(lock, channel);
            throw new RnnlabException("cannot write the lock file " + file + ": " + ErrorText.of(e), e);
        }
        return new RunFolderLock(channel, lock);
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another process (it has not written its name yet)" : ErrorText.oneLine(text);
        } catch (IOException | RuntimeException e) {
            return "another process";
        }
    }

    /** Releases the lock; the file stays (removing it could race a process that opened it to take the lock). */
    @Override
    public void close() {
        release(lock, channel);
    }

    private static void release(FileLock lock, FileChannel channel) {
        try {
            lock.release();
        } catch (IOException | RuntimeException e) {
            // closing the channel below releases it too
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through it that a close could lose
        }
    }
}
