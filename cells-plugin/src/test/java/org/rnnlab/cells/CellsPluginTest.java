package org.rnnlab.cells;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.Component;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.cell.CellFactory;

class CellsPluginTest {

    @Test
    void serviceLoaderFindsThePluginAndItBindsEveryCell() {
        Plugin plugin = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("cells")).findFirst().orElseThrow();
        Set<CellFactory> cells = Guice.createInjector(plugin.module()).getInstance(Key.get(new TypeLiteral<Set<CellFactory>>() {}));
        assertThat(cells.stream().map(Component::id).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("rnn", "irnn", "lstm", "gru", "dense");
        assertThat(cells).allSatisfy(c -> assertThat(c.description()).isNotBlank());
        assertThat(plugin.version()).isNotBlank();
    }
}
