/** A Minimal Gated Unit cell, contributed to rnnlab as a plugin. */
module org.example.mgu {
    requires org.rnnlab.api;
    requires org.rnnlab.model;

    provides org.rnnlab.api.Plugin with org.example.mgu.MguPlugin;

    opens org.example.mgu to com.google.guice;
}
