package org.rnnlab.engine.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The table of graph operations a plugin author reads ({@code docs/graph-operations.md}) lists exactly
 * the public methods of {@link Graph}: a new operation without a row, or a row for an operation that is
 * gone, fails here.
 */
class GraphOperationsTableTest {
    private static final Path TABLE = Path.of("..", "docs", "graph-operations.md");
    /** A table row's first cell: {@code | `name(...)`} or, in the second table, several names in one cell. */
    private static final Pattern NAME = Pattern.compile("`([a-zA-Z]+)\\(");

    @Test
    void everyPublicMethodOfGraphHasARowAndEveryRowAMethod() throws IOException {
        Set<String> methods = new TreeSet<>();
        for (Method m : Graph.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                methods.add(m.getName());
            }
        }
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(TABLE)) {
            if (line.startsWith("| `")) {
                String firstCell = line.substring(1, line.indexOf('|', 1));
                Matcher m = NAME.matcher(firstCell);
                while (m.find()) {
                    documented.add(m.group(1));
                }
            }
        }
        assertThat(documented).as("operations in " + TABLE + " against Graph's public methods "
                + Arrays.toString(methods.toArray())).isEqualTo(methods);
    }
}
