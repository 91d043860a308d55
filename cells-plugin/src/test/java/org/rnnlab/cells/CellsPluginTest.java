package org.rnnlab.cells;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.Component;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.cell.CellFactory;

class CellsPluginTest {

    @Test
    void pluginIsDeclaredBothWaysAndBindsEveryCell() throws IOException {
        Module module = CellsPlugin.class.getModule();
        if (module.isNamed()) {
            assertThat(module.getDescriptor().provides()).anySatisfy(p -> {
                assertThat(p.service()).isEqualTo(Plugin.class.getName());
                assertThat(p.providers()).containsExactly(CellsPlugin.class.getName());
            });
        }
        try (InputStream in = CellsPlugin.class.getResourceAsStream("/META-INF/services/" + Plugin.class.getName())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo(CellsPlugin.class.getName());
        }
        Plugin plugin = new CellsPlugin();
        assertThat(plugin.id()).isEqualTo("cells");
        Set<CellFactory> cells = Guice.createInjector(plugin.module()).getInstance(Key.get(new TypeLiteral<Set<CellFactory>>() {}));
        assertThat(cells.stream().map(Component::id).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("rnn", "irnn", "lstm", "gru", "dense");
        assertThat(cells).allSatisfy(c -> assertThat(c.description()).isNotBlank());
        assertThat(plugin.version()).isNotBlank();
    }
}
