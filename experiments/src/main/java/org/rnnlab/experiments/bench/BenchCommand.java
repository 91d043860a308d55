package org.rnnlab.experiments.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.api.train.OptimizerFactory;
import org.rnnlab.runtime.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lab bench}: training throughput on the workload of the PyTorch peer {@code torch_rnn_bench.py}
 * (see {@link CharModelBenchmark}), or with {@code --workload seq2seq} on that of
 * {@code torch_seq2seq_bench.py} (see {@link Seq2SeqBenchmark}). The last line of the text output is
 * {@code tokens/s: N}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Training throughput of one cell on the PyTorch peer's workload (benchmarks/peer/torch_rnn_bench.py):",
                "embedding(V,E) -> cell(H) -> linear(H,V) -> cross-entropy over all B*T tokens, full BPTT,",
                "global-norm clip 5, Adam 1e-3, on a fixed random batch. Prints a summary, then 'tokens/s: N'.",
                "--workload seq2seq: the encoder-decoder of benchmarks/peer/torch_seq2seq_bench.py instead.",
                "Compare with PyTorch: benchmarks/compare-with-pytorch.sh, benchmarks/compare-seq2seq-with-pytorch.sh"})
public final class BenchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The {@code lab} command, seen only as what loads the plugins, so that bench does not depend on the CLI. */
    @ParentCommand
    Supplier<PluginRegistry> lab;

    @Spec
    CommandSpec spec;

    @Option(names = "--workload", defaultValue = "char", paramLabel = "char|seq2seq",
            description = "char: a language model over random characters (torch_rnn_bench.py); seq2seq: an encoder-decoder "
                    + "with teacher forcing over random pairs (torch_seq2seq_bench.py) (default: ${DEFAULT-VALUE}).")
    String workload;

    @Option(names = "--attention", defaultValue = "additive", paramLabel = "none|additive|general|dot",
            description = "seq2seq: the decoder's attention (default: ${DEFAULT-VALUE}).")
    String attention;

    @Option(names = "--sizes", defaultValue = Seq2SeqShape.DEFAULT_SIZES, paramLabel = "S,T,Vs,Vt,Es,Et",
            description = "seq2seq: source and decoder steps, vocabularies and embeddings of the two sides; "
                    + "--batch defaults to 64 there, as the peer's (default: the dates lesson's, ${DEFAULT-VALUE}).")
    String sizes;

    @Option(names = "--cell", required = true, paramLabel = "ID",
            description = "The cell: rnn, irnn, lstm, gru, dense, or any plugin's cell (lab plugins lists them).")
    String cell;

    @Option(names = "--hidden", required = true, paramLabel = "H", description = "Hidden size.")
    int hidden;

    @Option(names = "--batch", defaultValue = "32", paramLabel = "B", description = "Sequences per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seq", defaultValue = "64", paramLabel = "T", description = "Steps per sequence, all back-propagated (default: ${DEFAULT-VALUE}).")
    int seq;

    @Option(names = "--vocab", defaultValue = "65", paramLabel = "V", description = "Vocabulary size (default: ${DEFAULT-VALUE}).")
    int vocab;

    @Option(names = "--embed", defaultValue = "64", paramLabel = "E", description = "Embedding size (default: ${DEFAULT-VALUE}).")
    int embed;

    @Option(names = "--steps", defaultValue = "30", paramLabel = "N", description = "Timed training steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "5", paramLabel = "N", description = "Untimed steps first, at least (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-time", defaultValue = "60", paramLabel = "SECONDS",
            description = "After the warm-up steps, go on until the JIT compiler has compiled nothing for 3 steps "
                    + "and 2 seconds, for at most this long: the timed steps then see the steady state of a long "
                    + "run. 0 warms up by steps only, as the peer does (default: ${DEFAULT-VALUE}).")
    double warmupTime;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Threads for the kernels: the large products and element-wise passes of the one model are "
                    + "split over N threads; the results are the same bits as with 1 (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--fused", defaultValue = "true", arity = "1", paramLabel = "true|false",
            description = "Run the cell's fused sequence kernel; false runs the composed per-step graph (default: ${DEFAULT-VALUE}).")
    boolean fused;

    @Option(names = "--bidirectional", description = "A bidirectional cell layer (PyTorch's bidirectional=True; "
            + "the peer takes the argument 'bidirectional').")
    boolean bidirectional;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the weights and the random batch (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        if ("seq2seq".equals(workload)) {
            return seq2seq();
        }
        if (!"char".equals(workload)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--workload must be char or seq2seq but was '"
                    + workload + "'");
        }
        for (String option : List.of("--attention", "--sizes")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + " is for --workload seq2seq");
            }
        }
        BenchSettings settings = new BenchSettings(cell, hidden, batch, seq, vocab, embed, steps, warmup, warmupTime, threads,
                fused, seed, bidirectional);
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.join("; ", problems));
        }
        PluginRegistry registry = lab.get();
        CellFactory cells = registry.get(ComponentKind.CELL, cell);
        OptimizerFactory adam = registry.get(ComponentKind.OPTIMIZER, "adam");
        CharModelBenchmark bench = new CharModelBenchmark(cells, adam, settings);
        BenchResult result = bench.run();
        // on several threads, the same model then alternates with one thread: rnnlab's own speed-up
        ThreadSpeedup.Rounds oneThread = threads > 1 ? ThreadSpeedup.alternate(bench, settings) : null;
        String path = path(cells, fused, embed, hidden);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = asJson(result);
            m.put("path", path);
            if (oneThread != null) {
                m.putAll(ThreadSpeedup.asJson(result, oneThread));
            }
            out.println(JSON.writeValueAsString(m));
        } else {
            out.println(summary(result, path));
            if (oneThread != null) {
                out.println(ThreadSpeedup.summary(result, oneThread));
            }
            out.printf(Locale.ROOT, "tokens/s: %.0f%n", result.tokensPerSecond());
        }
        out.flush();
        return 0;
    }

    private int seq2seq() throws JsonProcessingException {
        List<String> problems = new java.util.ArrayList<>();
        for (String option : List.of("--seq", "--vocab", "--embed", "--bidirectional")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                problems.add(option + " is for --workload char; seq2seq takes --sizes S,T,Vs,Vt,Es,Et");
            }
        }
        int b = spec.commandLine().getParseResult().hasMatchedOption("--batch") ? batch : 64;
        Seq2SeqShape shape;
        try {
            shape = Seq2SeqShape.of(attention, sizes);
            problems.addAll(shape.problems());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            shape = null;
        }
        BenchSettings settings = new BenchSettings(cell, hidden, b, 1, 1, 1, steps, warmup, warmupTime, threads, fused, seed);
        problems.addAll(settings.problems());
        if (!problems.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.join("; ", problems));
        }
        PluginRegistry registry = lab.get();
        CellFactory cells = registry.get(ComponentKind.CELL, cell);
        Seq2SeqBenchmark.Result r = new Seq2SeqBenchmark(cells, registry.get(ComponentKind.OPTIMIZER, "adam"), settings, shape).run();
        String path = path(cells, fused, shape.sourceEmbed(), hidden);
        PrintWriter out = spec.commandLine().getOut();
        double[] losses = r.timed().losses();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("workload", "seq2seq");
            m.put("cell", cell);
            m.put("attention", shape.attention());
            m.put("hidden", hidden);
            m.put("batch", b);
            m.put("sizes", shape.sizes());
            m.put("steps", steps);
            m.put("warmup_steps", r.timed().warmupSteps());
            m.put("threads", threads);
            m.put("fused", fused);
            m.put("path", path);
            m.put("seed", seed);
            m.put("seconds", r.timed().seconds());
            m.put("cpu_seconds", r.timed().cpuSeconds());
            m.put("tokens_per_second", r.tokensPerSecond());
            m.put("tokens_per_cpu_second", Double.isNaN(r.tokensPerCpuSecond()) ? null : r.tokensPerCpuSecond());
            m.put("first_loss", losses[0]);
            m.put("last_loss", losses[losses.length - 1]);
            out.println(JSON.writeValueAsString(m));
        } else {
            out.println(String.format(Locale.ROOT,
                    "rnnlab seq2seq %s attention=%s H=%d B=%d S,T,Vs,Vt,Es,Et=%s steps=%d threads=%d path=%s java %s: "
                            + "%,.0f tokens/s (%,.0f per CPU second), warm-up %d steps, loss %.4f -> %.4f",
                    cell, shape.attention(), hidden, b, shape.sizes(), steps, threads, path, Runtime.version(),
                    r.tokensPerSecond(), r.tokensPerCpuSecond(), r.timed().warmupSteps(), losses[0], losses[losses.length - 1]));
            out.printf(Locale.ROOT, "tokens/s: %.0f%n", r.tokensPerSecond());
        }
        out.flush();
        return 0;
    }

    /**
     * Which path the cell ran: {@code fused} (its sequence kernel), {@code composed} (asked for with
     * {@code --fused false}), or {@code composed(no-fused-kernel)} when a fused run was asked of a cell
     * that has no kernel and so ran its per-step graph.
     */
    static String path(CellFactory cells, boolean fused, int input, int hidden) {
        if (!fused) {
            return "composed";
        }
        return cells.create(new CellSpec(input, hidden, Map.of())).fused().isPresent() ? "fused" : "composed(no-fused-kernel)";
    }

    static String summary(BenchResult r, String path) {
        BenchSettings s = r.settings();
        double[] losses = r.losses();
        return String.format(Locale.ROOT,
                "rnnlab %s%s H=%d B=%d T=%d V=%d E=%d steps=%d threads=%d path=%s kernels=%s/%d-bit/%s java %s: "
                        + "%,.0f tokens/s (%,.0f per CPU second), %.1f GFLOP/s, warm-up %d steps, loss %.4f -> %.4f",
                s.cell(), s.bidirectional() ? " bidirectional" : "", s.hidden(), s.batch(), s.seq(), s.vocab(), s.embed(), s.steps(), s.threads(), path,
                r.kernels(), r.vectorBits(), r.tile(), Runtime.version(), r.tokensPerSecond(), r.tokensPerCpuSecond(), r.gigaflops(),
                r.warmupSteps(), losses[0], losses[losses.length - 1]);
    }

    static Map<String, Object> asJson(BenchResult r) {
        BenchSettings s = r.settings();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", s.cell());
        m.put("bidirectional", s.bidirectional());
        m.put("hidden", s.hidden());
        m.put("batch", s.batch());
        m.put("seq", s.seq());
        m.put("vocab", s.vocab());
        m.put("embed", s.embed());
        m.put("steps", s.steps());
        m.put("warmup_steps", r.warmupSteps());
        m.put("warmup_time_limit", s.warmupSeconds());
        m.put("threads", s.threads());
        m.put("fused", s.fused());
        m.put("seed", s.seed());
        m.put("seconds", r.seconds());
        m.put("cpu_seconds", r.cpuSeconds());
        m.put("tokens_per_second", r.tokensPerSecond());
        m.put("tokens_per_cpu_second", Double.isNaN(r.tokensPerCpuSecond()) ? null : r.tokensPerCpuSecond());
        m.put("flops_per_token", r.flopsPerToken());
        m.put("gflops", r.gigaflops());
        m.put("first_loss", r.losses()[0]);
        m.put("last_loss", r.losses()[r.losses().length - 1]);
        m.put("allocated_bytes_per_step", Double.isNaN(r.allocatedBytesPerStep()) ? null : Math.round(r.allocatedBytesPerStep()));
        m.put("kernels", Map.of("name", r.kernels(), "vector_bits", r.vectorBits(), "tile", r.tile()));
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("version", Runtime.version().toString());
        jvm.put("vendor", System.getProperty("java.vendor"));
        jvm.put("vm", System.getProperty("java.vm.name"));
        jvm.put("os_arch", System.getProperty("os.arch"));
        jvm.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("jvm", jvm);
        return m;
    }
}
