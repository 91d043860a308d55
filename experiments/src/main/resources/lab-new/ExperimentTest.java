package {{package}};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.experiment.Experiment;
import org.rnnlab.api.experiment.ExperimentDefinition;

/** The plugin's Guice module contributes the experiment, and the experiment builds. */
class {{Name}}ExperimentTest {
    @Test
    void thePluginContributesTheExperiment() {
        Set<ExperimentDefinition> experiments = Guice.createInjector(new {{Name}}Plugin().module())
                .getInstance(Key.get(new TypeLiteral<Set<ExperimentDefinition>>() {}));
        assertEquals(Set.of("{{experimentId}}"), Set.copyOf(experiments.stream().map(ExperimentDefinition::id).toList()));
    }

    @Test
    void theExperimentBuildsWithItsGrid() {
        Experiment e = new {{Name}}Experiment().experiment();
        assertEquals("{{experimentId}}", e.name());
        assertFalse(e.axes().isEmpty());
        assertEquals("1", e.quick().get("epochs"));
    }
}
