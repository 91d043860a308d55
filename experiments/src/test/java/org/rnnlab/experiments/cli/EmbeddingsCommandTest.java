package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.experiments.cli.LabProcess.inProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.experiments.cli.LabProcess.Result;
import org.rnnlab.model.WordVectors;

/**
 * {@code lab embeddings} in-process, on word2vec files whose answers are known by construction and on the word
 * embedding of a tagger a real {@code lab run tagging} saved; and {@code --set embedding.init}: export, import
 * and the rows that come back, frozen or trained, and the files refused before any run folder exists.
 */
class EmbeddingsCommandTest {
    static final String PEOPLE = "Harry B-PER\nPotter I-PER\nmet O\nRon B-PER\n\n"
            + "Hermione B-PER\nGranger I-PER\nread O\n\nthe O\nspell O\nhit O\nDraco B-PER\nMalfoy I-PER\n\n";

    @TempDir
    static Path dir;
    private static Path data;
    private static Path model;

    @BeforeAll
    static void trainATinyTagger() throws Exception {
        data = Files.writeString(dir.resolve("people.conll"), PEOPLE.repeat(4));
        model = runDirectory(inProcessRun("first")).resolve("uni_s1/model.safetensors");
    }

    static Path royals() throws Exception {
        // royalty, gender and fruit on orthogonal axes: king = royal + male, queen = royal + female
        return Files.writeString(dir.resolve("royals.txt"), """
                6 4
                king 1 1 0 0
                queen 1 0 1 0
                man 0 1 0 0
                woman 0 0 1 0
                apple 0 0 0 1
                prince 0.8 1 0 0.3
                """);
    }

    @Test
    void neighboursAndAnalogiesOfAWord2vecFileAreTheOnesBuiltIn() throws Exception {
        Result r = inProcess("embeddings", royals().toString(), "--neighbours", "king", "--analogy", "man:king::woman",
                "--top", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        // cos(king, prince) = (0.8 + 1) / (sqrt 2 * sqrt 1.73), cos(king, man) = 1 / sqrt 2, then queen (1/2)
        assertThat(r.out()).startsWith("nearest to king:\n  prince               0.9677\n  man                  0.7071\n")
                .contains("man : king :: woman : ?\n  queen ");
    }

    @Test
    void anUnknownWordAFileOfNeitherKindAndAModelWithoutWordsAreOneLineAndExit1() throws Exception {
        Result unknown = inProcess("embeddings", royals().toString(), "--neighbours", "duke");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err().strip()).isEqualTo("lab: the word 'duke' is not among the 6 words of " + royals());

        Path text = Files.writeString(dir.resolve("notes.txt"), "just some words\n");
        Result neither = inProcess("embeddings", text.toString());
        assertThat(neither.exit()).isEqualTo(1);
        assertThat(neither.err().strip().lines()).hasSize(1).first().asString().contains("neither an rnnlab model file");

        Result hello = inProcess("run", "hello", "--set", "epochs=1", "--threads", "1", "--out", dir.resolve("chars").toString());
        Matcher m = Pattern.compile("run directory: (.+)").matcher(hello.out());
        assertThat(m.find()).isTrue();
        Result chars = inProcess("embeddings", Path.of(m.group(1).strip()).resolve("s1/model.safetensors").toString());
        assertThat(chars.exit()).isEqualTo(1);
        assertThat(chars.err().strip().lines()).hasSize(1).first().asString().contains("without a word embedding");
    }

    @Test
    void aModelsEmbeddingIsListedAndExported() throws Exception {
        Path out = dir.resolve("exported.txt");
        Result r = inProcess("embeddings", model.toString(), "--neighbours", "Harry", "--top", "3", "--export", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("nearest to Harry:").contains("wrote ");
        WordVectors v = WordVectors.read(out);
        assertThat(v.dimension()).isEqualTo(4);
        assertThat(v.words()).contains("<pad>", "<unk>", "Harry", "Malfoy");
    }

    @Test
    void anExportedEmbeddingImportedFrozenComesBackBitForBitAndTrainedItMoves() throws Exception {
        Path exported = dir.resolve("start.txt");
        assertThat(inProcess("embeddings", model.toString(), "--export", exported.toString()).exit()).isZero();
        int words = WordVectors.read(exported).words().size();

        Result frozenRun = inProcessRun("frozen", "embedding.init=" + exported, "embedding.trainable=false");
        // the count of words found is an event (the console reporter prints it; in process its output is not captured)
        assertThat(Files.readAllLines(runDirectory(frozenRun).resolve("events.jsonl"))).anySatisfy(line -> assertThat(line)
                .contains("\"event\":\"EmbeddingImported\"").contains("\"variant\":\"uni_s1\"")
                .contains("\"found\":" + words).contains("\"words\":" + words).contains("\"trainable\":false"));
        Path frozen = dir.resolve("frozen.txt");
        assertThat(inProcess("embeddings", runDirectory(frozenRun).resolve("uni_s1/model.safetensors").toString(), "--export",
                frozen.toString()).exit()).isZero();
        // the same words in the same order with the same float text: after 3 epochs the frozen rows are the file's
        assertThat(Files.readString(frozen)).isEqualTo(Files.readString(exported));

        Result trainedRun = inProcessRun("trained", "embedding.init=" + exported);
        Path trained = dir.resolve("trained.txt");
        assertThat(inProcess("embeddings", runDirectory(trainedRun).resolve("uni_s1/model.safetensors").toString(), "--export",
                trained.toString()).exit()).isZero();
        assertThat(Files.readString(trained)).isNotEqualTo(Files.readString(exported));
    }

    @Test
    void aFileOfAnotherDimensionOrAMalformedOneIsRefusedBeforeAnyRunFolder() throws Exception {
        Path three = Files.writeString(dir.resolve("three.txt"), "2 3\nHarry 1 2 3\nRon 1 2 3\n");
        Result wide = inProcess("run", "tagging", "--set", "dataset.path=" + data, "--set", "embedding=4",
                "--set", "embedding.init=" + three, "--out", dir.resolve("never").toString());
        assertThat(wide.exit()).isEqualTo(2);
        assertThat(wide.err()).contains(three + " holds vectors of dimension 3 but setting 'embedding' is 4");
        Path lying = Files.writeString(dir.resolve("lying.txt"), "3 4\nHarry 1 2 3 4\nRon 1 2 x 4\n");
        Result malformed = inProcess("run", "tagging", "--set", "dataset.path=" + data, "--set", "embedding=4",
                "--set", "embedding.init=" + lying, "--out", dir.resolve("never").toString());
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err()).contains(lying + " line 3: value 3 of 'Ron' is 'x', not a finite number");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    private static Result inProcessRun(String out, String... settings) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "tagging", "--set", "dataset.path=" + data,
                "--set", "dataset.validation_path=" + data, "--set", "dataset.test=0", "--set", "epochs=3",
                "--set", "hidden=8", "--set", "embedding=4", "--set", "batch=4", "--set", "lr=0.05",
                "--threads", "1", "--out", dir.resolve(out).toString()));
        for (String s : settings) {
            args.add("--set");
            args.add(s);
        }
        Result r = inProcess(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        return r;
    }

    private static Path runDirectory(Result r) {
        Matcher m = Pattern.compile("run directory: (.+)").matcher(r.out());
        assertThat(m.find()).isTrue();
        return Path.of(m.group(1).strip());
    }
}
