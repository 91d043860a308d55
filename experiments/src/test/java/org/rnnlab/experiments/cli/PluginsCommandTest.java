package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.rnnlab.runtime.ComponentEntry;
import org.rnnlab.runtime.PluginEntry;
import org.rnnlab.runtime.PluginSource;
import org.rnnlab.runtime.PluginStatus;

/** {@code lab plugins} lists a FAILED plugin's components as it gave them, null ids and descriptions included. */
class PluginsCommandTest {

    @Test
    void aComponentWithANullIdOrDescriptionIsListedNotThrown() {
        PluginEntry odd = new PluginEntry("odd", "1.0", OptionalInt.of(1), new PluginSource(false, "com.example", Optional.empty()),
                PluginStatus.FAILED, Optional.of("trainer id null of com.example.Odd is not lowercase-kebab"),
                Map.of("trainer", List.of(new ComponentEntry("trainer", null, null, "com.example.Odd"),
                        new ComponentEntry("trainer", "fine", "a fine trainer", "com.example.Fine"))));
        StringWriter text = new StringWriter();

        PluginsCommand.printText(List.of(odd), new PrintWriter(text, true));

        assertThat(text.toString()).contains("odd 1.0 (api 1)  [FAILED]", "    null  (no description)", "    fine  a fine trainer",
                "1 of 1 plugins not loaded");
    }
}
