/**
 * The built-in experiments (the course lessons) and the {@code lab} command line. Plugins, built-in or
 * from {@code plugins/}, are found by the runtime's ServiceLoader, so this module requires none of them.
 */
module org.rnnlab.experiments {
    requires org.rnnlab.api;
    requires org.rnnlab.model;
    requires org.rnnlab.runtime;
    requires info.picocli;
    requires jdk.management;
    // lab run MyStudy.java compiles the file in memory
    requires java.compiler;
    requires jdk.httpserver;
    requires com.fasterxml.jackson.databind;

    // lab worker and lab run --cluster load the cluster module, in a layer of its own (ClusterModule)
    uses org.rnnlab.runtime.ClusterLauncher;

    provides org.rnnlab.api.Plugin with org.rnnlab.experiments.lessons.ExperimentsPlugin;

    opens org.rnnlab.experiments.lessons to com.google.guice;
    opens org.rnnlab.experiments.cli to info.picocli;
    opens org.rnnlab.experiments.bench to info.picocli;
}
