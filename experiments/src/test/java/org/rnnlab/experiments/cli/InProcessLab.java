package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code lab} run in this JVM with its output captured, for tests of the commands. */
final class InProcessLab {
    private InProcessLab() {}

    record Result(int exit, String out, String err) {}

    static Result lab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Lab.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Runs {@code lab run ARGS}, which must succeed, and returns the run directory it printed. */
    static Path run(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "run";
        System.arraycopy(args, 0, command, 1, args.length);
        Result r = lab(command);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        Matcher m = Pattern.compile("run directory: (.+)").matcher(r.out());
        assertThat(m.find()).as("run directory in\n" + r.out()).isTrue();
        return Path.of(m.group(1).strip());
    }
}
