package org.rnnlab.experiments.lessons;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.Components;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.RnnlabVersion;
import org.rnnlab.api.experiment.ExperimentDefinition;

/** The built-in experiments: one per lesson of the course. */
public final class ExperimentsPlugin implements Plugin {

    @Override
    public String id() {
        return "experiments";
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
                Multibinder<ExperimentDefinition> experiments = Components.of(binder(), ComponentKind.EXPERIMENT);
                experiments.addBinding().toInstance(Lessons.hello());
                experiments.addBinding().toInstance(Lessons.dinosaurs());
                experiments.addBinding().toInstance(Lessons.vanishingGradients());
                experiments.addBinding().toInstance(Lessons.orderMatters());
                experiments.addBinding().toInstance(Lessons.sentiment());
                experiments.addBinding().toInstance(Lessons.shakespeare());
                experiments.addBinding().toInstance(MusicLesson.music());
                experiments.addBinding().toInstance(Lessons.wordBoundaries());
                experiments.addBinding().toInstance(Lessons.tagging());
                experiments.addBinding().toInstance(Lessons.dates());
                experiments.addBinding().toInstance(Lessons.translation());
                experiments.addBinding().toInstance(NextWordLesson.nextWord());
                experiments.addBinding().toInstance(EmbeddingsLesson.embeddings());
            }
        };
    }
}
