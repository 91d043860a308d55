/**
 * What a plugin author compiles against: the {@link org.rnnlab.api.Plugin} SPI, the component SPIs
 * (cells, tokenizers, datasets, tasks, trainers, optimizers, reporters, experiments), the sealed event types
 * and the event bus, configuration values and typed exceptions.
 */
module org.rnnlab.api {
    // javax.sound.midi writes a piano roll as a standard MIDI file (MidiWriter)
    requires java.desktop;
    requires transitive org.rnnlab.engine;
    requires transitive com.google.guice;
    requires transitive jakarta.inject;
    requires transitive io.vavr;

    exports org.rnnlab.api;
    exports org.rnnlab.api.cell;
    exports org.rnnlab.api.data;
    exports org.rnnlab.api.event;
    exports org.rnnlab.api.experiment;
    exports org.rnnlab.api.report;
    exports org.rnnlab.api.task;
    exports org.rnnlab.api.train;

    uses org.rnnlab.api.Plugin;
}
