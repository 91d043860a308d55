package org.rnnlab.api;

import java.util.List;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.TokenizerFactory;
import org.rnnlab.api.experiment.ExperimentDefinition;
import org.rnnlab.api.report.ReporterFactory;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.train.OptimizerFactory;
import org.rnnlab.api.train.TrainerFactory;

/** A kind of component, with one registry each. */
public record ComponentKind<T extends Component>(String name, Class<T> type) {
    public static final ComponentKind<CellFactory> CELL = new ComponentKind<>("cell", CellFactory.class);
    public static final ComponentKind<TokenizerFactory> TOKENIZER = new ComponentKind<>("tokenizer", TokenizerFactory.class);
    public static final ComponentKind<DatasetProvider> DATASET = new ComponentKind<>("dataset", DatasetProvider.class);
    public static final ComponentKind<Task> TASK = new ComponentKind<>("task", Task.class);
    public static final ComponentKind<TrainerFactory> TRAINER = new ComponentKind<>("trainer", TrainerFactory.class);
    public static final ComponentKind<OptimizerFactory> OPTIMIZER = new ComponentKind<>("optimizer", OptimizerFactory.class);
    public static final ComponentKind<ReporterFactory> REPORTER = new ComponentKind<>("reporter", ReporterFactory.class);
    public static final ComponentKind<ExperimentDefinition> EXPERIMENT = new ComponentKind<>("experiment", ExperimentDefinition.class);

    /** Every kind, in the order {@code lab plugins} shows them. */
    public static List<ComponentKind<?>> all() {
        return List.of(CELL, TOKENIZER, DATASET, TASK, TRAINER, OPTIMIZER, REPORTER, EXPERIMENT);
    }
}
