/**
 * The rnnlab runtime: the plugin registry (built-in plugins from the boot layer, one module layer per
 * jar or folder in {@code plugins/}), Guice injector assembly, the event bus, the run's event log and the experiment runner.
 */
module org.rnnlab.runtime {
    requires transitive org.rnnlab.api;
    requires transitive org.rnnlab.model;
    requires com.fasterxml.jackson.databind;
    requires java.logging;

    exports org.rnnlab.runtime;
    exports org.rnnlab.runtime.events;
    exports org.rnnlab.runtime.reference;

    uses org.rnnlab.api.Plugin;
}
