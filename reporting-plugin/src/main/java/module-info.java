/**
 * The built-in reporters: console progress, CSV files, Micrometer meters and the HTML run and comparison
 * pages. Exports nothing; found as an {@link org.rnnlab.api.Plugin}.
 */
module org.rnnlab.reporting {
    requires org.rnnlab.api;
    requires org.apache.commons.csv;
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires me.tongfei.progressbar;

    provides org.rnnlab.api.Plugin with org.rnnlab.reporting.ReportingPlugin;

    // Guice constructs the reporter factories and reads the plugin's module
    opens org.rnnlab.reporting to com.google.guice;
    opens org.rnnlab.reporting.console to com.google.guice;
    opens org.rnnlab.reporting.csv to com.google.guice;
    opens org.rnnlab.reporting.metrics to com.google.guice;
    opens org.rnnlab.reporting.html to com.google.guice;
}
