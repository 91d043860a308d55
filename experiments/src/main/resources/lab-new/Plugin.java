package {{package}};

import com.google.inject.AbstractModule;
import com.google.inject.Module;   // not java.lang.Module
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.Components;
import org.rnnlab.api.Plugin;

/**
 * The plugin rnnlab finds (module-info's {@code provides}): an id unique among plugins, a version, and a
 * Guice module adding components to the set binding of their kind ({@code lab plugins} lists them).
 * The constructor must do no work; a plugin that throws is listed as FAILED and the others still load.
 */
public final class {{Name}}Plugin implements Plugin {
    @Override
    public String id() {
        return "{{pluginId}}";
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
{{bindings}}
            }
        };
    }
}
