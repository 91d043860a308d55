package org.rnnlab.experiments.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.rnnlab.experiments.cli.Lab;

/** {@code lab bench} in-process on tiny sizes: argument handling and output format (no timing is asserted). */
class BenchCommandTest {
    private static final String[] TINY = {"--hidden", "8", "--batch", "2", "--seq", "4", "--vocab", "7", "--embed", "5",
            "--steps", "2", "--warmup", "1", "--warmup-time", "0"};

    private record Result(int exit, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private static Result lab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Lab.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static String[] bench(String cell, String... more) {
        String[] args = new String[3 + TINY.length + more.length];
        args[0] = "bench";
        args[1] = "--cell";
        args[2] = cell;
        System.arraycopy(TINY, 0, args, 3, TINY.length);
        System.arraycopy(more, 0, args, 3 + TINY.length, more.length);
        return args;
    }

    @Test
    void textEndsWithTokensPerSecondAsAPlainNumber() {
        Result r = lab(bench("lstm"));

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.lastLine()).matches("tokens/s: [0-9]+");
        assertThat(Long.parseLong(r.lastLine().substring("tokens/s: ".length()))).isPositive();
        assertThat(r.out()).contains("rnnlab lstm H=8 B=2 T=4 V=7 E=5 steps=2 threads=1 path=fused kernels=");
    }

    @Test
    void jsonIsOneObjectWithTheSizesTheRateAndTheKernels() throws Exception {
        Result r = lab(bench("gru", "--json"));

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("cell").asText()).isEqualTo("gru");
        assertThat(json.get("hidden").asInt()).isEqualTo(8);
        assertThat(json.get("batch").asInt()).isEqualTo(2);
        assertThat(json.get("seq").asInt()).isEqualTo(4);
        assertThat(json.get("vocab").asInt()).isEqualTo(7);
        assertThat(json.get("embed").asInt()).isEqualTo(5);
        assertThat(json.get("steps").asInt()).isEqualTo(2);
        assertThat(json.get("threads").asInt()).isEqualTo(1);
        assertThat(json.get("warmup_steps").asInt()).isEqualTo(1);
        assertThat(json.get("tokens_per_second").asDouble()).isPositive();
        assertThat(json.get("gflops").asDouble()).isPositive();
        // the peer's flops_per_token = 2 * 3 * (gates*H*(E+H) + H*V), gru has 3 gates
        assertThat(json.get("flops_per_token").asLong()).isEqualTo(2L * 3 * (3 * 8 * (5 + 8) + 8 * 7));
        assertThat(json.get("kernels").get("name").asText()).isIn("vector", "scalar");
        assertThat(json.get("kernels").get("vector_bits").asInt()).isPositive();
        assertThat(json.get("jvm").get("version").asText()).isNotBlank();
    }

    @Test
    void theComposedPathRunsToo() {
        Result r = lab(bench("rnn", "--fused", "false"));

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("path=composed kernels=");
        assertThat(r.lastLine()).matches("tokens/s: [0-9]+");
    }

    @Test
    void anUnknownCellListsTheCellsThatExist() {
        Result r = lab(bench("lstn"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("lab: unknown cell 'lstn'; known cells: ").contains("gru", "lstm", "rnn");
    }

    /**
     * Sizes at which the recurrent products are large enough to be split over the pool (the kernels keep
     * small ones on the calling thread).
     */
    private static String[] splitSizes(String threads) {
        return new String[] {"bench", "--cell", "lstm", "--hidden", "192", "--batch", "32", "--seq", "6", "--vocab", "11",
                "--embed", "16", "--steps", "2", "--warmup", "1", "--warmup-time", "0", "--json", "--threads", threads};
    }

    private static JsonNode json(Result r) {
        try {
            return new ObjectMapper().readTree(r.out());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + r.out() + r.err(), e);
        }
    }

    @Test
    void twoThreadsTrainTheSameModelAsOne() {
        Result one = lab(splitSizes("1"));
        Result two = lab(splitSizes("2"));
        Result zero = lab(bench("lstm", "--threads", "0"));
        Result help = lab("bench", "--help");

        assertThat(two.exit()).as(two.err()).isZero();
        JsonNode a = json(one);
        JsonNode b = json(two);
        assertThat(b.get("threads").asInt()).isEqualTo(2);
        // the same seed gives the same losses to the last bit whatever the number of threads
        assertThat(b.get("first_loss").asDouble()).isEqualTo(a.get("first_loss").asDouble());
        assertThat(b.get("last_loss").asDouble()).isEqualTo(a.get("last_loss").asDouble());
        // on two threads the model then alternated with one thread: its own speed-up, the median of the rounds
        assertThat(a.has("speedup_over_one_thread")).isFalse();
        assertThat(b.get("one_thread_tokens_per_second").asDouble()).isPositive();
        double[] rounds = new double[b.get("speedup_rounds").size()];
        for (int i = 0; i < rounds.length; i++) {
            rounds[i] = b.get("speedup_rounds").get(i).asDouble();
        }
        assertThat(rounds).hasSize(ThreadSpeedup.ROUNDS);
        assertThat(java.util.Arrays.stream(rounds).min().orElseThrow()).isPositive();
        java.util.Arrays.sort(rounds);
        assertThat(b.get("speedup_over_one_thread").asDouble()).isEqualTo(rounds[rounds.length / 2]);
        assertThat(b.get("steps_per_round").asInt()).isEqualTo(2);
        assertThat(b.get("pool").get("threads").asInt()).isEqualTo(2);
        // every time step forward and backward is handed over (B=8 rows of H=128 pass the split threshold)
        assertThat(b.get("pool").get("hand_offs").asLong()).isGreaterThanOrEqualTo(2L * 2 * 6);
        assertThat(b.get("amdahl_bound").asDouble()).isBetween(1.0, 2.0);
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("--threads must be").contains("Try 'lab bench --help'");
        assertThat(help.out()).contains("--threads", "same bits", "--json", "--fused");
    }

    @Test
    void badSizesAreUsageErrorsNamingEveryOption() {
        Result r = lab("bench", "--cell", "lstm", "--hidden", "0", "--steps", "0");
        Result missing = lab("bench", "--hidden", "8");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--hidden must be at least 1 but was 0", "--steps must be at least 1 but was 0");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--cell");
    }

    private static final String[] TINY_SEQ2SEQ = {"bench", "--workload", "seq2seq", "--cell", "gru", "--hidden", "8",
            "--batch", "3", "--sizes", "5,4,9,7,6,5", "--steps", "2", "--warmup", "1", "--warmup-time", "0"};

    private static String[] seq2seq(String... more) {
        String[] args = java.util.Arrays.copyOf(TINY_SEQ2SEQ, TINY_SEQ2SEQ.length + more.length);
        System.arraycopy(more, 0, args, TINY_SEQ2SEQ.length, more.length);
        return args;
    }

    @Test
    void theEncoderDecoderWorkloadCountsSourceAndDecoderStepsAsThePeerDoes() throws Exception {
        Result text = lab(seq2seq("--attention", "dot"));
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("rnnlab seq2seq gru attention=dot H=8 B=3 S,T,Vs,Vt,Es,Et=5,4,9,7,6,5 steps=2");
        assertThat(text.lastLine()).matches("tokens/s: [0-9]+");

        Result r = lab(seq2seq("--json"));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("workload").asText()).isEqualTo("seq2seq");
        assertThat(json.get("attention").asText()).isEqualTo("additive");
        // B*(S+T) tokens per step, as torch_seq2seq_bench.py counts them
        assertThat(json.get("tokens_per_second").asDouble())
                .isCloseTo(2 * 3 * (5 + 4) / json.get("seconds").asDouble(), org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertThat(json.get("first_loss").asDouble()).isCloseTo(Math.log(7), org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void theWorkloadsRefuseEachOthersOptions() {
        Result sizes = lab(bench("gru", "--sizes", "1,2,5,5,1,1"));
        Result seq = lab(seq2seq("--seq", "9", "--attention", "luong"));
        Result bad = lab("bench", "--workload", "seq2seq", "--cell", "gru", "--hidden", "8", "--sizes", "5,1,9");

        assertThat(sizes.exit()).isEqualTo(2);
        assertThat(sizes.err()).contains("--sizes is for --workload seq2seq");
        assertThat(seq.exit()).isEqualTo(2);
        assertThat(seq.err()).contains("--seq is for --workload char", "--attention must be one of none, additive, general, dot");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--sizes takes six numbers S,T,Vs,Vt,Es,Et but was '5,1,9'");
    }
}
