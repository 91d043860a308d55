package org.rnnlab.cells;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.UnknownComponentException;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.runtime.reference.ReferenceCase;
import org.rnnlab.runtime.reference.ReferenceCheck;
import org.rnnlab.runtime.reference.ReferenceFile;

/**
 * Every case of the PyTorch reference files (copied into test resources) through the built-in cells, on
 * the composed and the fused path: outputs, final states and all gradients within
 * {@link ReferenceCheck#RELATIVE_TOLERANCE} (see there for the floor and why).
 */
class PyTorchReferenceTest {
    static final Map<String, CellFactory> CELLS = Map.of("rnn", new RnnCellFactory(), "lstm", new LstmCellFactory(),
            "gru", new GruCellFactory(), "irnn", new IrnnCellFactory(), "dense", new DenseCellFactory());

    static final List<String> FILES =
            List.of("cells-small.json", "cells-long.json", "cells-t17-b1-l3.json", "cells-t64-h16.json");

    static Function<String, CellFactory> byId() {
        return id -> {
            CellFactory f = CELLS.get(id);
            if (f == null) {
                throw new UnknownComponentException("cell", id, List.copyOf(CELLS.keySet()));
            }
            return f;
        };
    }

    static Path resource(String name) {
        try {
            return Path.of(PyTorchReferenceTest.class.getResource("/reference/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> cases() {
        return FILES.stream()
                .flatMap(f -> ReferenceFile.read(resource(f)).cases().stream()
                        .flatMap(c -> Stream.of(Arguments.of(f, c, false), Arguments.of(f, c, true))));
    }

    @ParameterizedTest(name = "{0} {1} fused={2}")
    @MethodSource("cases")
    void reproducesPyTorch(String file, ReferenceCase c, boolean fused) {
        ReferenceCheck.CaseResult r = ReferenceCheck.check(c, byId().apply(ReferenceCheck.cellFor(c.cell()).id()), fused);
        assertThat(r.measurements()).hasSizeGreaterThanOrEqualTo(4 * c.layers() + 4);
        assertThat(r.passed())
                .as("%s %s %s: largest %s; all %s", file, c.describe(), r.path(), r.largest(), r.measurements())
                .isTrue();
    }

    @Test
    void referenceCheckRunPassesAndPrintsEveryQuantity() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean passed = ReferenceCheck.run(FILES.stream().map(PyTorchReferenceTest::resource).toList(), byId(),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        assertThat(passed).as(out).isTrue();
        assertThat(out).contains("reference-check: 40 of 40 passed").contains("grad weight_hh_l1").contains("grad c0");
    }
}
