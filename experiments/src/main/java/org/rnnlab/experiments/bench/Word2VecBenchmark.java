package org.rnnlab.experiments.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.kernel.RowKernels;
import org.rnnlab.model.embedding.FrequentWordSubsampling;
import org.rnnlab.model.embedding.LinearDecay;
import org.rnnlab.model.embedding.NegativeSampler;
import org.rnnlab.model.embedding.Word2VecSgd;
import org.rnnlab.runtime.PluginRegistry;

/**
 * Skip-gram training throughput, the workload of {@code benchmarks/peer/torch_word2vec_bench.py}: the training
 * split of {@code shakespeare-words} in lower-cased words, words seen fewer than 5 times dropped, skip-gram with
 * negative sampling by {@link Word2VecSgd} (what the {@code word2vec} task runs) on one thread. One untimed
 * epoch warms the JIT up; the timed epochs count every (center, context) pair trained, the time including what
 * the pairs cost to make (sub-sampling, window shrinks, negative draws). Writes the encoded corpus for the peer
 * and prints one JSON line.
 *
 * <p>Run by {@code benchmarks/compare-word2vec-with-pytorch.sh}:
 * {@code java -m org.rnnlab.experiments/org.rnnlab.experiments.bench.Word2VecBenchmark CORPUS_OUT DIM WINDOW
 * NEGATIVES EPOCHS SAMPLE}.
 */
public final class Word2VecBenchmark {
    private Word2VecBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println("usage: Word2VecBenchmark CORPUS_OUT DIM WINDOW NEGATIVES EPOCHS SAMPLE");
            System.exit(2);
        }
        Path corpusOut = Path.of(args[0]);
        int dim = Integer.parseInt(args[1]);
        int window = Integer.parseInt(args[2]);
        int negatives = Integer.parseInt(args[3]);
        int epochs = Integer.parseInt(args[4]);
        double sample = Double.parseDouble(args[5]);

        PluginRegistry registry = PluginRegistry.load(Optional.empty());
        Dataset dataset = registry.get(ComponentKind.DATASET, "shakespeare-words").load(Settings.of(Map.of()), 1);
        Tokenizer tokenizer = registry.get(ComponentKind.TOKENIZER, "word").create(Settings.of(Map.of("lowercase", "true")));
        List<String> texts = dataset.trainingTexts();
        Vocabulary vocabulary = tokenizer.fit(texts);
        int[][] sentences = texts.stream().map(t -> tokenizer.ids(t, vocabulary)).toArray(int[][]::new);
        long[] counts = new long[vocabulary.size()];
        for (int[] s : sentences) {
            for (int id : s) {
                counts[id]++;
            }
        }
        for (int id = 0; id < counts.length; id++) {
            counts[id] = id < Vocabulary.SPECIALS.size() || counts[id] < 5 ? 0 : counts[id];
        }
        long words = 0;
        for (int i = 0; i < sentences.length; i++) {
            sentences[i] = Arrays.stream(sentences[i]).filter(id -> counts[id] > 0).toArray();
            words += sentences[i].length;
        }
        write(corpusOut, counts, sentences);

        SplittableRandom random = new SplittableRandom(1);
        Tensor input = Tensor.zeros(counts.length, dim);
        for (int i = 0; i < input.size(); i++) {
            input.data()[i] = (float) ((random.nextDouble() - 0.5) / dim);
        }
        Tensor output = Tensor.zeros(counts.length, dim);
        Word2VecSgd sgd = new Word2VecSgd(Word2VecSgd.Architecture.SKIP_GRAM, input, output, window, negatives,
                new NegativeSampler(counts), new FrequentWordSubsampling(counts, sample), random.split());
        LinearDecay decay = new LinearDecay(0.025, words * (epochs + 1));
        long seen = 0;
        for (int[] s : sentences) {
            sgd.sentence(s, (float) decay.rate(seen));
            seen += s.length;
        }
        sgd.resetTotals();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int[] s : sentences) {
                sgd.sentence(s, (float) decay.rate(seen));
                seen += s.length;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "{\"pairs\": %d, \"seconds\": %.3f, \"cpu_seconds\": %.3f, \"pairs_per_second\": %.0f,"
                        + " \"pairs_per_cpu_second\": %.0f, \"loss\": %.4f, \"vocabulary\": %d, \"words\": %d,"
                        + " \"kernels\": \"%s\"}%n", sgd.steps(), seconds, cpu, sgd.steps() / seconds, sgd.steps() / cpu,
                sgd.lossSum() / sgd.steps(), Arrays.stream(counts).filter(c -> c > 0).count(), words,
                RowKernels.get().name());
    }

    /** The corpus as the peer reads it: the counts by id on the first line, then one sentence of ids per line. */
    private static void write(Path file, long[] counts, int[][] sentences) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (long c : counts) {
                line.append(line.isEmpty() ? "" : " ").append(c);
            }
            out.write(line.append('\n').toString());
            for (int[] s : sentences) {
                line.setLength(0);
                for (int id : s) {
                    line.append(line.isEmpty() ? "" : " ").append(id);
                }
                out.write(line.append('\n').toString());
            }
        }
    }
}
