/**
 * Datasets and tokenizers: the course's datasets (shipped or generated), user CSV and text files, and the
 * character, word, bag-of-words and fixed-window tokenizers. Exports nothing: found as a {@link
 * org.rnnlab.api.Plugin}.
 */
module org.rnnlab.datasets {
    requires org.rnnlab.api;
    requires org.apache.commons.csv;
    requires com.fasterxml.jackson.databind;
    // javax.sound.midi reads and writes standard MIDI files
    requires java.desktop;

    opens org.rnnlab.datasets to com.google.guice;

    provides org.rnnlab.api.Plugin with org.rnnlab.datasets.DatasetsPlugin;
}
