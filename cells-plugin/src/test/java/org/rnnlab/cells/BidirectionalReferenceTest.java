package org.rnnlab.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnlab.runtime.reference.ReferenceCase;
import org.rnnlab.runtime.reference.ReferenceCheck;
import org.rnnlab.runtime.reference.ReferenceFile;

/**
 * PyTorch's {@code bidirectional=True} rnn, lstm and gru over padded variable-length batches (packed on
 * the PyTorch side; {@code tools/make_bidirectional_reference.py}) through
 * {@link org.rnnlab.model.cell.BidirectionalStack}, composed and fused: outputs (zero at padding), final
 * states of both directions, every gradient within {@link ReferenceCheck#RELATIVE_TOLERANCE} under the
 * same floor rule as the one-direction cells.
 */
class BidirectionalReferenceTest {
    static final List<String> FILES = List.of("bidirectional-t7-b4.json", "bidirectional-t23-b5-l1.json");

    static Stream<Arguments> cases() {
        return FILES.stream()
                .flatMap(f -> ReferenceFile.read(PyTorchReferenceTest.resource(f)).cases().stream()
                        .flatMap(c -> Stream.of(Arguments.of(f, c, false), Arguments.of(f, c, true))));
    }

    @ParameterizedTest(name = "{0} {1} fused={2}")
    @MethodSource("cases")
    void reproducesPyTorch(String file, ReferenceCase c, boolean fused) {
        assertThat(c.bidirectional()).isTrue();
        ReferenceCheck.CaseResult r = ReferenceCheck.check(c, PyTorchReferenceTest.byId().apply(
                ReferenceCheck.cellFor(c.cell()).id()), fused);
        // loss, y, hT, 8 parameter gradients per layer, grad x, grad h0 (and cT, grad c0 for the lstm)
        assertThat(r.measurements()).hasSizeGreaterThanOrEqualTo(8 * c.layers() + 5);
        assertThat(r.passed())
                .as("%s %s %s: largest %s; all %s", file, c.describe(), r.path(), r.largest(), r.measurements())
                .isTrue();
    }

    @Test
    void referenceCheckRunCoversTheBidirectionalFiles() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean passed = ReferenceCheck.run(FILES.stream().map(PyTorchReferenceTest::resource).toList(),
                PyTorchReferenceTest.byId(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        assertThat(passed).as(out).isTrue();
        assertThat(out).contains("reference-check: 12 of 12 passed").contains("grad weight_hh_l1_reverse")
                .contains("lstm bidirectional T=7");
    }
}
