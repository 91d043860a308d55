package org.rnnlab.experiments.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.task.WordEmbedding;
import org.rnnlab.model.WordVectors;
import org.rnnlab.model.embedding.WordMaps;
import org.rnnlab.model.embedding.WordSimilarity;
import org.rnnlab.runtime.ModelFileCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lab embeddings FILE}: the word vectors of a saved model's embedding (its rows with its tokenizer's
 * vocabulary) or of a word2vec text file; nearest neighbours by cosine, analogies by 3CosAdd
 * ({@link WordSimilarity}), and export in the word2vec text format ({@link WordVectors}), which gensim reads
 * and {@code --set embedding.init=FILE} imports. A file of neither kind, a model whose input is not a
 * table of word vectors, or an unknown word is one line and exit 1.
 */
@Command(name = "embeddings", mixinStandardHelpOptions = true,
        description = "Look at the word embedding of a saved model (<variant>/model.safetensors) or a word2vec text file:"
                + " nearest neighbours, analogies, export.")
final class EmbeddingsCommand implements Callable<Integer> {
    private static final Pattern ANALOGY = Pattern.compile("([^:\\s]+):([^:\\s]+)::([^:\\s]+)");
    private static final Pattern WORD2VEC_HEADER = Pattern.compile("\\s*\\d+ +\\d+\\s*");

    @ParentCommand
    Lab lab;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "a model file a run saved (e.g. runs/sentiment/<time>/lstm_s1/model.safetensors) or a word2vec text file")
    Path file;

    @Option(names = "--neighbours", split = ",", paramLabel = "WORD", description = "Words whose nearest neighbours to list.")
    List<String> neighbours = List.of();

    @Option(names = "--analogy", paramLabel = "a:b::c", description = "The word d such that a is to b as c is to d (3CosAdd).")
    String analogy;

    @Option(names = "--top", paramLabel = "K", defaultValue = "10", description = "How many words to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--export", paramLabel = "OUT.txt", description = "Write the vectors in the word2vec text format.")
    Path export;

    @Override
    public Integer call() throws IOException {
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be at least 1 but was " + top);
        }
        String[] question = analogy == null ? null : question(analogy);
        WordVectors vectors = load(file);
        PrintWriter out = spec.commandLine().getOut();
        WordSimilarity similarity = new WordSimilarity(vectors, file.toString());
        if (neighbours.isEmpty() && question == null && export == null) {
            out.printf(Locale.ROOT, "%s: %,d words of dimension %d; first: %s%n", file, vectors.words().size(),
                    vectors.dimension(), String.join(" ", vectors.words().subList(0, Math.min(12, vectors.words().size()))));
        }
        for (String word : neighbours) {
            List<WordSimilarity.Similar> found = similarity.neighbours(word, top);
            out.println("nearest to " + word + ":");
            found.forEach(s -> out.printf(Locale.ROOT, "  %-20s %.4f%n", s.word(), s.cosine()));
        }
        if (question != null) {
            List<WordSimilarity.Similar> found = similarity.analogy(question[0], question[1], question[2], top);
            out.println(question[0] + " : " + question[1] + " :: " + question[2] + " : ?");
            found.forEach(s -> out.printf(Locale.ROOT, "  %-20s %.4f%n", s.word(), s.cosine()));
        }
        if (export != null) {
            vectors.write(export);
            out.printf(Locale.ROOT, "wrote %,d vectors of dimension %d to %s%n", vectors.words().size(), vectors.dimension(), export);
        }
        out.flush();
        return 0;
    }

    private String[] question(String text) {
        Matcher m = ANALOGY.matcher(text.strip());
        if (!m.matches()) {
            throw new ParameterException(spec.commandLine(), "--analogy must read a:b::c (as man:king::woman) but was '" + text + "'");
        }
        return new String[] {m.group(1), m.group(2), m.group(3)};
    }

    /** The vectors of a model file's word embedding or of a word2vec text file. */
    private WordVectors load(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new RnnlabException(Files.isDirectory(path) ? path + " is a directory, not a model or word2vec file"
                    : "file not found: " + path.toAbsolutePath());
        }
        if (safetensors(path)) {
            ModelFileCodec.Saved saved = ModelFileCodec.read(path, lab.registry());
            TaskModel model = saved.rebuild(lab.registry());
            WordEmbedding embedding = model.wordEmbedding().orElseThrow(() -> new RnnlabException(path + " is a "
                    + saved.task().id() + " model without a word embedding (its tokens are not words, or it reads one-hot"
                    + " or feature vectors): lab embeddings needs a model trained with a word tokenizer and embedding > 0"));
            return WordMaps.vectors(embedding);
        }
        if (!WORD2VEC_HEADER.matcher(firstLine(path)).matches()) {
            throw new RnnlabException(path + " is neither an rnnlab model file (safetensors) nor a word2vec text file"
                    + " (whose first line is 'COUNT DIMENSION')");
        }
        return WordVectors.read(path);
    }

    /** Whether the file starts as safetensors does: an 8-byte little-endian header length, then '{'. */
    private static boolean safetensors(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(9);
            if (head.length < 9 || head[8] != '{') {
                return false;
            }
            long length = ByteBuffer.wrap(head, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            return length > 0 && length <= Files.size(path) - 8;
        }
    }

    private static String firstLine(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            String head = new String(in.readNBytes(256), StandardCharsets.UTF_8);
            int end = head.indexOf('\n');
            return end < 0 ? head : head.substring(0, end);
        }
    }
}
