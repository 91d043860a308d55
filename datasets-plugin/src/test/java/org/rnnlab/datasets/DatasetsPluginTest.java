package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.Component;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.UnknownComponentException;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.TokenizerFactory;
import org.rnnlab.api.experiment.Settings;

class DatasetsPluginTest {
    private final Injector injector = Guice.createInjector(new DatasetsPlugin().module());

    /** The smallest registry over the plugin's Guice bindings: what the runtime does for all plugins. */
    private final ComponentRegistry registry = new ComponentRegistry() {
        @Override
        public <T extends Component> T get(ComponentKind<T> kind, String id) {
            return all(kind).stream().filter(c -> c.id().equals(id)).findFirst()
                    .orElseThrow(() -> new UnknownComponentException(kind.name(), id, ids(kind)));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T extends Component> List<T> all(ComponentKind<T> kind) {
            Set<T> set = (Set<T>) injector.getInstance(Key.get(TypeLiteral.get(
                    com.google.inject.util.Types.setOf(kind.type()))));
            return set.stream().sorted(Comparator.comparing(Component::id)).toList();
        }
    };

    @Test
    void registersEveryDatasetAndTokenizerById() {
        assertThat(registry.ids(ComponentKind.DATASET))
                .containsExactly("adding", "conll", "csv", "dates", "dinosaurs", "hello", "jsb-chorales", "midi", "order",
                        "sentiment", "shakespeare", "shakespeare-words", "text", "translation", "word-boundaries",
                        "word-classes");
        assertThat(registry.ids(ComponentKind.TOKENIZER))
                .containsExactly("bag-of-words", "character", "fixed-window", "whitespace", "word");
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<DatasetProvider>>() {}))).hasSize(16);
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<TokenizerFactory>>() {}))).hasSize(5);
    }

    @Test
    void anUnknownIdListsTheIdsThatExist() {
        assertThatThrownBy(() -> registry.get(ComponentKind.DATASET, "dinosaur")).isInstanceOf(UnknownComponentException.class)
                .hasMessage("unknown dataset 'dinosaur'; known datasets: adding, conll, csv, dates, dinosaurs, hello, jsb-chorales,"
                        + " midi, order, sentiment, shakespeare, shakespeare-words, text, translation, word-boundaries, word-classes");
        assertThatThrownBy(() -> registry.get(ComponentKind.TOKENIZER, "bpe")).isInstanceOf(UnknownComponentException.class)
                .hasMessage("unknown tokenizer 'bpe'; known tokenizers: bag-of-words, character, fixed-window, whitespace, word");
    }

    @Test
    void idsAreLowercaseKebabAndEveryComponentDescribesItself() {
        List<Component> all = new java.util.ArrayList<>(registry.all(ComponentKind.DATASET));
        all.addAll(registry.all(ComponentKind.TOKENIZER));
        assertThat(all).allSatisfy(c -> {
            assertThat(c.id()).matches("[a-z]+(-[a-z]+)*");
            assertThat(c.description()).isNotBlank();
        });
    }

    @Test
    void anUnknownOptionIsRefusedBeforeLoading() {
        DatasetProvider adding = registry.get(ComponentKind.DATASET, "adding");
        assertThatThrownBy(() -> adding.checkOptions(Settings.of(Map.of("lenght", "100"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown setting 'dataset.lenght': dataset 'adding' takes dataset.count,"
                        + " dataset.length, dataset.test, dataset.validation");
        DatasetProvider hello = registry.get(ComponentKind.DATASET, "hello");
        assertThatThrownBy(() -> hello.load(Settings.of(Map.of("x", "1")), 1))
                .hasMessage("unknown setting 'dataset.x': dataset 'hello' takes no settings");
    }

    @Test
    void thePluginIsDeclaredForTheModulePathAndTheClassPath() throws java.io.IOException {
        Module module = DatasetsPlugin.class.getModule();
        if (module.isNamed()) {
            assertThat(module.getDescriptor().provides()).anySatisfy(p -> {
                assertThat(p.service()).isEqualTo(Plugin.class.getName());
                assertThat(p.providers()).containsExactly(DatasetsPlugin.class.getName());
            });
            assertThat(module.getDescriptor().exports()).isEmpty();
        }
        try (var in = DatasetsPlugin.class.getResourceAsStream("/META-INF/services/" + Plugin.class.getName())) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip())
                    .isEqualTo(DatasetsPlugin.class.getName());
        }
        assertThat(new DatasetsPlugin().id()).isEqualTo("datasets");
    }
}
