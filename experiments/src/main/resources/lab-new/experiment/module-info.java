/** {{description}}, contributed to rnnlab as a plugin. */
module {{package}} {
    requires org.rnnlab.api;

    // how rnnlab finds the plugin (the same class is named in META-INF/services/org.rnnlab.api.Plugin)
    provides org.rnnlab.api.Plugin with {{package}}.{{Name}}Plugin;

    opens {{package}} to com.google.guice;   // Guice constructs the components
}
