package {{package}};

import java.util.Map;
import org.rnnlab.api.experiment.Experiment;
import org.rnnlab.api.experiment.ExperimentDefinition;

/**
 * The {{experimentId}} experiment ({@code ./lab run {{experimentId}}}): a grid of settings, each
 * combination trained once per seed. Every setting is checked against the components' schemas before
 * anything runs ({@code lab describe KIND ID} lists a component's keys). {@code experiment()} must build
 * the same experiment every time it is asked.
 */
public final class {{Name}}Experiment implements ExperimentDefinition {
    @Override
    public String id() {
        return "{{experimentId}}";
    }

    @Override
    public String description() {
        return "{{experimentDescription}}";
    }

    @Override
    public Experiment experiment() {
        return Experiment.named(id())
                .description(description())
                .lesson("What a reader should look for in the report.")
                .dataset("dinosaurs").tokenizer("character").cell("{{cell}}")
                .embedding(16).hidden(32).learningRate(3e-3).epochs(5).batchSize(32).clip(5)
                // each value becomes part of a variant's name: {{variantExample}}
                {{axis}}
                .seeds(1)
                .quick(Map.of("epochs", "1"))
                .build();
    }
}
