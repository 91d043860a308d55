package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.experiment.Settings;

/**
 * Issue 20, point 6: a 200 MB CSV dataset loads within 2 GB of heap (the file was read whole, then decoded
 * into a buffer twice its size and parsed into records held beside the text). A child JVM loads a
 * generated file of 200 MB (2.17 million rows) with half that heap, {@code -Xmx1g}: the former reader ran
 * out of memory there (measured: OutOfMemoryError after 27 s; it needed about 2 GB), the streaming one
 * loads it (measured: also within -Xmx700m).
 */
class LargeCsvIT {
    private static final long SIZE = 200L * 1024 * 1024;

    /** The child: loads the file named by its argument and prints the number of examples. */
    public static void main(String[] args) {
        Dataset d = new CsvDataset().load(Settings.of(Map.of("path", args[0])), 1);
        System.out.println("examples " + (d.train().size() + d.validation().size() + d.test().size()));
    }

    @Test
    void a200MegabyteCsvLoadsWithinOneGigabyteOfHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large.csv");
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("text,label\n");
            long written = 11;
            String[] labels = {"pos", "neg", "neu"};
            while (written < SIZE) {
                // about 100 bytes of text per row, each row different, some with quotes and a comma
                String text = "row " + rows + " says that the weather was " + (rows % 7) + " and the \"film\", "
                        + Long.toHexString(rows * 0x9E3779B97F4A7C15L) + " was " + rows % 13 + " out of 13";
                String line = "\"" + text.replace("\"", "\"\"") + "\"," + labels[(int) (rows % 3)] + "\n";
                out.write(line);
                written += line.getBytes(StandardCharsets.UTF_8).length;
                rows++;
            }
        }
        assertThat(Files.size(file)).isGreaterThanOrEqualTo(SIZE);

        // the child runs everything on the class path: this test's classes, and whatever the test JVM had on
        // its class and module paths
        List<String> path = new ArrayList<>();
        path.add(Path.of(LargeCsvIT.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                path.add(value);
            }
        }
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx1g", "-XX:+UseParallelGC", "-cp", String.join(java.io.File.pathSeparator, path),
                LargeCsvIT.class.getName(), file.toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(600, TimeUnit.SECONDS)).as("the child finished").isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("examples " + rows).doesNotContain("OutOfMemoryError");
    }
}
