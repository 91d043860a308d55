package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code embedding.init=skipgram} and its {@code embedding.pretrain.*} keys: a bad value stops {@code lab run}
 * (exit 2) before any folder, naming the key.
 */
class PretrainSettingsTest {
    @TempDir
    Path tmp;

    private record Result(int exit, String err) {}

    private Result run(String... settings) {
        List<String> args = new ArrayList<>(List.of("run", "hello", "--set", "dataset=sentiment", "--set", "tokenizer=word",
                "--set", "epochs=1", "--out", tmp.resolve("runs").toString()));
        for (String s : settings) {
            args.add("--set");
            args.add(s);
        }
        StringWriter stderr = new StringWriter();
        int exit = Lab.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(stderr)).execute(args.toArray(String[]::new));
        return new Result(exit, stderr.toString());
    }

    @Test
    void badValuesAreRefusedNamingTheKeyBeforeAnyRunFolder() {
        Result r = run("embedding.init=skipgram", "embedding.pretrain.epochs=0", "embedding.pretrain.corpus=test");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("setting 'embedding.pretrain.epochs' must be between 1 and 1000 but was '0'")
                .contains("setting 'embedding.pretrain.corpus' must be one of train, other, train+other but was 'test'")
                .doesNotContain("\tat ");

        Result noDataset = run("embedding.init=skipgram", "embedding.pretrain.corpus=train+other");
        assertThat(noDataset.exit()).isEqualTo(2);
        assertThat(noDataset.err()).contains("setting 'embedding.pretrain.corpus' is 'train+other' but setting"
                + " 'embedding.pretrain.dataset' names no dataset");

        Result unknown = run("embedding.init=skipgram", "embedding.pretrain.corpus=other",
                "embedding.pretrain.dataset=no-such-corpus");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("embedding.pretrain.dataset").contains("no-such-corpus");

        Result withoutInit = run("embedding.pretrain.epochs=3");
        assertThat(withoutInit.exit()).isEqualTo(2);
        assertThat(withoutInit.err()).contains("setting 'embedding.pretrain.epochs' is read only with embedding.init=skipgram");

        Result notAFile = run("embedding.init=word2vec");
        assertThat(notAFile.exit()).isEqualTo(2);
        assertThat(notAFile.err()).contains("setting 'embedding.init' must be a readable file or skipgram but was 'word2vec'");
        assertThat(tmp.resolve("runs")).doesNotExist();
    }
}
