package org.rnnlab.runtime;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import com.google.inject.util.Types;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.rnnlab.api.ApiVersion;
import org.rnnlab.api.Component;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.UnknownComponentException;

/**
 * The plugins rnnlab found and the components they contribute, by kind and id.
 *
 * <p>Loading never stops at a broken plugin: a provider, id, version or Guice module that throws makes
 * that plugin {@link PluginStatus#FAILED}, a plugin built for another {@link ApiVersion} is
 * {@link PluginStatus#REFUSED}, and the others load. When two plugins contribute a component of one kind
 * with the same id (or share a plugin id), <em>both</em> are refused: which of the two a name means would
 * otherwise depend on the order jars happen to be found in. Asking for such an id names both plugins.
 *
 * <p>Each plugin's components are read from an injector of its module alone (so they are attributed to
 * it, and a plugin's module must therefore be complete on its own); the components handed out come from
 * one injector built from all loaded plugins' modules.
 */
public final class PluginRegistry implements ComponentRegistry {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /**
     * Guice logs every exception a plugin's module throws, stack trace and all, on the console before the
     * registry reports it in one line; its logger is kept (a logger nobody holds may be collected, and its
     * level with it) and silenced.
     */
    static final java.util.logging.Logger GUICE_LOG = java.util.logging.Logger.getLogger("com.google.inject");

    static {
        GUICE_LOG.setLevel(java.util.logging.Level.OFF);
    }

    private final List<PluginEntry> plugins;
    private final Injector injector;
    private final Map<String, Map<String, Component>> byKindAndId;
    private final Map<String, Map<String, String>> conflicts;

    private PluginRegistry(List<PluginEntry> plugins, Injector injector, Map<String, Map<String, Component>> byKindAndId,
                           Map<String, Map<String, String>> conflicts) {
        this.plugins = List.copyOf(plugins);
        this.injector = injector;
        this.byKindAndId = byKindAndId;
        this.conflicts = conflicts;
    }

    /** Built-in plugins (boot layer and class path) and, if given, those of a plugins folder. Never null. */
    public static PluginRegistry load(Optional<Path> pluginsFolder) {
        List<PluginCandidate> candidates = new ArrayList<>(PluginDiscovery.builtIn());
        pluginsFolder.ifPresent(folder -> candidates.addAll(PluginDiscovery.folder(folder)));
        return from(candidates);
    }

    /** A registry of exactly these plugins, treated as built in (tests and embedding). */
    public static PluginRegistry of(List<? extends Plugin> plugins) {
        return from(plugins.stream().map(p -> PluginCandidate.of(p, true)).toList());
    }

    static PluginRegistry from(List<PluginCandidate> candidates) {
        List<Loaded> loaded = new ArrayList<>();
        List<PluginEntry> entries = new ArrayList<>();
        for (PluginCandidate candidate : candidates) {
            Loaded l = load(candidate);
            loaded.add(l);
        }
        Map<String, Map<String, String>> conflicts = refuseDuplicates(loaded);
        Injector injector = combine(loaded);
        Map<String, Map<String, Component>> index = new LinkedHashMap<>();
        for (ComponentKind<?> kind : ComponentKind.all()) {
            Map<String, Component> byId = new TreeMap<>();
            for (Component c : setOf(injector, kind)) {
                byId.put(c.id(), c);
            }
            index.put(kind.name(), byId);
        }
        for (Loaded l : loaded) {
            entries.add(l.entry);
        }
        entries.sort(Comparator.comparing((PluginEntry e) -> !e.source().builtIn()).thenComparing(PluginEntry::id));
        return new PluginRegistry(entries, injector, index, conflicts);
    }

    /** Every plugin found: built-in first, then by id; loaded, failed and refused alike. */
    public List<PluginEntry> plugins() {
        return plugins;
    }

    /** The injector built from every loaded plugin's module. */
    public Injector injector() {
        return injector;
    }

    @Override
    public <T extends Component> T get(ComponentKind<T> kind, String id) {
        Component c = byKindAndId.get(kind.name()).get(id);
        if (c != null) {
            return kind.type().cast(c);
        }
        String owners = conflicts.getOrDefault(kind.name(), Map.of()).get(id);
        if (owners != null) {
            throw new RnnlabException(kind.name() + " '" + id + "' is contributed by " + owners
                    + "; both plugins were refused (remove one of them)");
        }
        for (PluginEntry p : plugins) {
            // a plugin refused for another id's conflict (or failed) takes all of its components with it
            if (!p.loaded() && p.components().getOrDefault(kind.name(), List.of()).stream().anyMatch(entry -> id.equals(entry.id()))) {
                throw new RnnlabException(kind.name() + " '" + id + "' comes from plugin '" + p.id() + "' ("
                        + p.source().loadedFrom() + "), which was " + p.status().name().toLowerCase(java.util.Locale.ROOT)
                        + ": " + p.problem().orElse("no cause given"));
            }
        }
        throw new UnknownComponentException(kind.name(), id, ids(kind));
    }

    @Override
    public <T extends Component> List<T> all(ComponentKind<T> kind) {
        return byKindAndId.get(kind.name()).values().stream().map(kind.type()::cast).toList();
    }

    /** The plugin that contributes a component, for messages and {@code lab describe}. */
    public Optional<PluginEntry> ownerOf(ComponentKind<?> kind, String id) {
        return plugins.stream().filter(PluginEntry::loaded)
                .filter(p -> p.components().getOrDefault(kind.name(), List.of()).stream().anyMatch(c -> c.id().equals(id)))
                .findFirst();
    }

    /** A plugin as loading left it: its entry and, while it is healthy, its module. */
    private static final class Loaded {
        PluginEntry entry;
        final Module module;

        Loaded(PluginEntry entry, Module module) {
            this.entry = entry;
            this.module = module;
        }

        void refuse(PluginStatus status, String why) {
            entry = entry.withProblem(status, entry.problem().map(p -> p + "; " + why).orElse(why));
        }
    }

    private static Loaded load(PluginCandidate candidate) {
        Plugin plugin;
        try {
            plugin = candidate.instantiate().call();
        } catch (Throwable e) {
            rethrowIfFatal(e);
            return failed(candidate.provider(), "?", OptionalInt.empty(), candidate,
                    "provider " + candidate.provider() + " failed: " + ErrorText.ofPlugin(e));
        }
        if (plugin == null) {
            return failed(candidate.provider(), "?", OptionalInt.empty(), candidate,
                    "provider " + candidate.provider() + " returned no plugin (null)");
        }
        String id = candidate.provider();
        String version = "?";
        OptionalInt api = OptionalInt.empty();
        try {
            String claimed = plugin.id();
            if (claimed == null || claimed.isBlank() || !ID.matcher(claimed).matches()) {
                return failed(id, version, api, candidate, "plugin " + id + " has the id "
                        + (claimed == null ? "null" : "'" + ErrorText.oneLine(claimed) + "'")
                        + "; a plugin id is lowercase-kebab (like 'my-cells')");
            }
            id = claimed;
            version = plugin.version();
            if (version == null || version.isBlank()) {
                return failed(id, "?", api, candidate, "plugin '" + id + "' has no version (version() returned "
                        + (version == null ? "null" : "a blank text") + ")");
            }
            version = ErrorText.oneLine(version);
            api = OptionalInt.of(plugin.apiVersion());
        } catch (Throwable e) {
            rethrowIfFatal(e);
            return failed(id, version, api, candidate, "plugin '" + id + "' failed to describe itself: " + ErrorText.ofPlugin(e));
        }
        if (api.getAsInt() != ApiVersion.CURRENT) {
            PluginEntry entry = new PluginEntry(id, version, api, candidate.source(), PluginStatus.REFUSED,
                    Optional.of("plugin '" + id + "' was built for plugin API version " + api.getAsInt()
                            + " but this rnnlab supports plugin API version " + ApiVersion.CURRENT),
                    Map.of());
            return new Loaded(entry, null);
        }
        Module module;
        Map<String, List<ComponentEntry>> components = new LinkedHashMap<>();
        try {
            module = plugin.module();
            if (module == null) {
                return failed(id, version, api, candidate, "plugin '" + id + "' has no Guice module (module() returned null)");
            }
            Injector own = Guice.createInjector(module);
            for (ComponentKind<?> kind : ComponentKind.all()) {
                List<ComponentEntry> list = new ArrayList<>();
                for (Component c : setOf(own, kind)) {
                    list.add(new ComponentEntry(kind.name(), c.id(), c.description(), c.getClass().getName()));
                }
                if (!list.isEmpty()) {
                    list.sort(Comparator.comparing(ComponentEntry::id, Comparator.nullsFirst(Comparator.naturalOrder())));
                    components.put(kind.name(), List.copyOf(list));
                }
            }
        } catch (Throwable e) {
            rethrowIfFatal(e);
            return failed(id, version, api, candidate, "plugin '" + id + "' failed to build its components: "
                    + guiceText(e));
        }
        List<String> problems = badIds(components);
        PluginEntry entry = new PluginEntry(id, version, api, candidate.source(),
                problems.isEmpty() ? PluginStatus.LOADED : PluginStatus.FAILED,
                problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)), components);
        return new Loaded(entry, problems.isEmpty() ? module : null);
    }

    /** A plugin's failure is contained, except when the JVM itself cannot go on (out of memory, internal error). */
    private static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
            throw fatal;
        }
    }

    private static List<String> badIds(Map<String, List<ComponentEntry>> components) {
        List<String> problems = new ArrayList<>();
        components.forEach((kind, list) -> {
            Set<String> seen = new java.util.HashSet<>();
            for (ComponentEntry c : list) {
                if (c.id() == null || !ID.matcher(c.id()).matches()) {
                    problems.add(kind + " id " + (c.id() == null ? "null" : "'" + ErrorText.oneLine(c.id()) + "'") + " of "
                            + c.type() + " is not lowercase-kebab (like 'bag-of-words')");
                } else if (c.description() == null) {
                    problems.add(kind + " '" + c.id() + "' of " + c.type() + " has no description (null)");
                } else if (!seen.add(c.id())) {
                    problems.add("it contributes two " + kind + "s with id '" + c.id() + "'");
                }
            }
        });
        return problems;
    }

    private static Loaded failed(String id, String version, OptionalInt api, PluginCandidate candidate, String why) {
        return new Loaded(new PluginEntry(id, version, api, candidate.source(), PluginStatus.FAILED,
                Optional.of(why), Map.of()), null);
    }

    /** Refuses every plugin that shares a plugin id or a component id with another; returns kind -> id -> owners. */
    private static Map<String, Map<String, String>> refuseDuplicates(List<Loaded> loaded) {
        List<Loaded> healthy = loaded.stream().filter(l -> l.entry.loaded()).toList();
        Map<String, List<Loaded>> byPluginId = new TreeMap<>();
        Map<String, Map<String, List<Loaded>>> byComponent = new TreeMap<>();
        for (Loaded l : healthy) {
            byPluginId.computeIfAbsent(l.entry.id(), k -> new ArrayList<>()).add(l);
            l.entry.components().forEach((kind, list) -> list.forEach(c ->
                    byComponent.computeIfAbsent(kind, k -> new TreeMap<>())
                            .computeIfAbsent(c.id(), k -> new ArrayList<>()).add(l)));
        }
        byPluginId.forEach((id, owners) -> {
            if (owners.size() > 1) {
                String where = String.join(" and ", owners.stream().map(o -> o.entry.source().describe()).toList());
                owners.forEach(o -> o.refuse(PluginStatus.REFUSED, "plugin id '" + id + "' is used by " + where));
            }
        });
        Map<String, Map<String, String>> conflicts = new TreeMap<>();
        byComponent.forEach((kind, ids) -> ids.forEach((id, owners) -> {
            if (owners.size() > 1) {
                String names = String.join(" and ", owners.stream().map(o -> "plugin '" + o.entry.id() + "' ("
                        + o.entry.source().loadedFrom() + ")").toList());
                conflicts.computeIfAbsent(kind, k -> new TreeMap<>()).put(id, names);
                owners.forEach(o -> o.refuse(PluginStatus.REFUSED,
                        "duplicate " + kind + " id '" + id + "': contributed by " + names));
            }
        }));
        return conflicts;
    }

    /**
     * One injector of all healthy plugins. Should their modules clash in a way the per-plugin injectors
     * cannot see (the same non-set binding twice), plugins are added one at a time and the one that
     * clashes is refused with Guice's message.
     */
    private static Injector combine(List<Loaded> loaded) {
        List<Loaded> healthy = loaded.stream().filter(l -> l.entry.loaded()).toList();
        try {
            return Guice.createInjector(Modules.combine(healthy.stream().map(l -> l.module).toList()));
        } catch (RuntimeException first) {
            List<Module> accepted = new ArrayList<>();
            for (Loaded l : healthy) {
                List<Module> trial = new ArrayList<>(accepted);
                trial.add(l.module);
                try {
                    Guice.createInjector(Modules.combine(trial));
                    accepted.add(l.module);
                } catch (RuntimeException e) {
                    l.refuse(PluginStatus.REFUSED, "its bindings clash with plugins loaded before it: " + guiceText(e));
                }
            }
            return Guice.createInjector(Modules.combine(accepted));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Component> Set<T> setOf(Injector injector, ComponentKind<T> kind) {
        Key<Set<T>> key = (Key<Set<T>>) Key.get(Types.setOf(kind.type()));
        return injector.getExistingBinding(key) == null ? Set.of() : injector.getInstance(key);
    }

    private static String guiceText(Throwable e) {
        if (e instanceof com.google.inject.CreationException ce && !ce.getErrorMessages().isEmpty()) {
            var m = ce.getErrorMessages().iterator().next();
            return m.getCause() != null ? ErrorText.ofPlugin(m.getCause()) : m.getMessage().lines().findFirst().orElse("");
        }
        if (e instanceof com.google.inject.ProvisionException pe && !pe.getErrorMessages().isEmpty()) {
            var m = pe.getErrorMessages().iterator().next();
            return m.getCause() != null ? ErrorText.ofPlugin(m.getCause()) : m.getMessage().lines().findFirst().orElse("");
        }
        return ErrorText.ofPlugin(e);
    }
}
