/** The built-in experiments (the course lessons) and the {@code lab} command line. */
module org.rnnlab.experiments {
    requires org.rnnlab.api;

    provides org.rnnlab.api.Plugin with org.rnnlab.experiments.lessons.ExperimentsPlugin;

    opens org.rnnlab.experiments.lessons to com.google.guice;
}
