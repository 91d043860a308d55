package org.rnnlab.trainers;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.Components;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.RnnlabVersion;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.train.OptimizerFactory;
import org.rnnlab.api.train.TrainerFactory;

/** The built-in tasks (language modelling, classification, regression, tagging), trainers and optimisers. */
public final class TrainersPlugin implements Plugin {

    @Override
    public String id() {
        return "trainers";
    }

    @Override
    public String version() {
        return RnnlabVersion.current();
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder<OptimizerFactory> optimizers = Components.of(binder(), ComponentKind.OPTIMIZER);
                for (OptimizerComponent c : OptimizerComponent.builtIn()) {
                    optimizers.addBinding().toInstance(c);
                }
                Multibinder<Task> tasks = Components.of(binder(), ComponentKind.TASK);
                for (SequenceTask t : SequenceTask.builtIn()) {
                    tasks.addBinding().toInstance(t);
                }
                tasks.addBinding().toInstance(new SequenceToSequenceTask());
                tasks.addBinding().toInstance(new MultiLabelTask());
                tasks.addBinding().toInstance(new Word2VecTask());
                Multibinder<TrainerFactory> trainers = Components.of(binder(), ComponentKind.TRAINER);
                trainers.addBinding().toInstance(TrainerComponent.BPTT);
                trainers.addBinding().toInstance(TrainerComponent.TBPTT);
            }
        };
    }
}
