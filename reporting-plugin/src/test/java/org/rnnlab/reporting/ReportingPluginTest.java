package org.rnnlab.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.report.ReporterFactory;

class ReportingPluginTest {
    @Test
    void contributesTheFourReporters() {
        Set<ReporterFactory> reporters = Guice.createInjector(new ReportingPlugin().module())
                .getInstance(Key.get(new TypeLiteral<Set<ReporterFactory>>() {}));
        assertThat(reporters).extracting(ReporterFactory::id).containsExactlyInAnyOrder("console", "csv", "micrometer", "html");
        assertThat(reporters).allSatisfy(r -> assertThat(r.description()).isNotBlank());
        assertThat(new ReportingPlugin().id()).isEqualTo("reporting");
    }

    @Test
    void isDeclaredAsAPluginForTheModulePathAndTheClassPath() throws Exception {
        try (InputStream in = ReportingPlugin.class.getResourceAsStream("/META-INF/services/" + Plugin.class.getName())) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo(ReportingPlugin.class.getName());
        }
        Module module = ReportingPlugin.class.getModule();
        if (module.isNamed()) {
            assertThat(module.getDescriptor().provides()).extracting(ModuleDescriptor.Provides::service, ModuleDescriptor.Provides::providers)
                    .contains(org.assertj.core.groups.Tuple.tuple(Plugin.class.getName(), java.util.List.of(ReportingPlugin.class.getName())));
            assertThat(module.getDescriptor().exports()).isEmpty();
        }
    }
}
