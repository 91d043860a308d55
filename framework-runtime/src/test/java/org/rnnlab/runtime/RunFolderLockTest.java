package org.rnnlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.RnnlabException;

/** Two runs or resumes of one run folder at once (issue 20): the second is refused naming the holder. */
class RunFolderLockTest {
    @TempDir
    Path run;

    @Test
    void aSecondLockInThisProcessIsRefusedNamingTheHolder() {
        try (RunFolderLock first = RunFolderLock.acquire(run, "lab run hello")) {
            assertThatThrownBy(() -> RunFolderLock.acquire(run, "lab run hello --resume"))
                    .isInstanceOf(RnnlabException.class)
                    .hasMessageStartingWith("run folder " + run + " is in use by process " + ProcessHandle.current().pid()
                            + " (lab run hello, since ")
                    .hasMessageNotContaining("\n");
        }
        try (RunFolderLock again = RunFolderLock.acquire(run, "lab run hello --resume")) {
            assertThat(run.resolve(RunFolderLock.FILE)).content().contains("lab run hello --resume");
        }
    }

    @Test
    void anotherProcessHoldingTheFolderIsNamedAndItsDeathFreesIt() throws Exception {
        Path holder = run.resolve("Holder.java");
        Files.writeString(holder, """
                import java.nio.*; import java.nio.channels.*; import java.nio.file.*;
                public class Holder {
                    public static void main(String[] a) throws Exception {
                        FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        c.lock();
                        c.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + " (lab run other, since then)\\n").getBytes()));
                        System.out.println("locked");
                        System.out.flush();
                        Thread.sleep(120_000);
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(List.of(java, holder.toString(), run.resolve(RunFolderLock.FILE).toString()))
                .redirectErrorStream(true).start();
        try {
            String first = new String(child.getInputStream().readNBytes(7));
            assertThat(first).as("the child took the lock").isEqualTo("locked\n".substring(0, 7));
            assertThatThrownBy(() -> RunFolderLock.acquire(run, "lab run hello --resume"))
                    .isInstanceOf(RnnlabException.class)
                    .hasMessage("run folder " + run + " is in use by process " + child.pid() + " (lab run other, since then);"
                            + " wait for it to end, or stop it, before running or resuming here");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        try (RunFolderLock taken = RunFolderLock.acquire(run, "lab run hello --resume")) {
            assertThat(run.resolve(RunFolderLock.FILE)).content().startsWith("process " + ProcessHandle.current().pid());
        }
    }

    @Test
    void aFolderThatCannotHoldTheLockFileIsNamed() throws IOException {
        Path file = Files.writeString(run.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> RunFolderLock.acquire(file, "lab run hello"))
                .isInstanceOf(RnnlabException.class).hasMessageStartingWith("cannot lock run folder " + file + ": ");
    }
}
