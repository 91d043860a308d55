package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab tag} in-process, on a bidirectional tagger a real {@code lab run tagging} saved from a CoNLL file. */
class TagCommandTest {
    private record Result(int exit, String out, String err) {}

    static final String PEOPLE = "Harry B-PER\nPotter I-PER\nmet O\nRon B-PER\n\n"
            + "Hermione B-PER\nGranger I-PER\nread O\n\nthe O\nspell O\nhit O\nDraco B-PER\nMalfoy I-PER\n\n";

    @TempDir
    static Path dir;
    private static Path runDirectory;

    private static Result lab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Lab.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void trainATinyTagger() throws Exception {
        Path file = Files.writeString(dir.resolve("people.conll"), PEOPLE.repeat(4));
        Result r = lab("run", "tagging", "--set", "dataset.path=" + file, "--set", "dataset.validation_path=" + file,
                "--set", "dataset.test=0", "--set", "epochs=20", "--set", "hidden=16", "--set", "embedding=8",
                "--set", "batch=4", "--set", "lr=0.02", "--threads", "1", "--out", dir.resolve("runs").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        Matcher m = Pattern.compile("run directory: (.+)").matcher(r.out());
        assertThat(m.find()).isTrue();
        runDirectory = Path.of(m.group(1).strip());
    }

    @Test
    void printsEachTokenWithItsTagInTheConllLayout() {
        Result r = lab("tag", runDirectory.resolve("bi_s1/model.safetensors").toString(), "Harry Potter met Ron",
                "the spell hit Draco Malfoy");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Harry\tB-PER\nPotter\tI-PER\nmet\tO\nRon\tB-PER\n\n"
                + "the\tO\nspell\tO\nhit\tO\nDraco\tB-PER\nMalfoy\tI-PER\n\n");
    }

    @Test
    void theReportShowsPerTagFigures() throws Exception {
        String page = Files.readString(runDirectory.resolve("bi_s1/report.html"));
        assertThat(page).contains("per label, epoch 20").contains("B-PER").contains("I-PER");
    }

    @Test
    void aModelThatIsNotATaggerIsRefusedInOneLine() {
        Result hello = lab("run", "hello", "--set", "epochs=1", "--threads", "1", "--out", dir.resolve("lm").toString());
        Matcher m = Pattern.compile("run directory: (.+)").matcher(hello.out());
        assertThat(m.find()).isTrue();
        Result r = lab("tag", Path.of(m.group(1).strip()).resolve("s1/model.safetensors").toString(), "hello");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip().lines()).hasSize(1).first().asString().contains("not a tagger");
    }
}
