package org.rnnlab.runtime;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.RnnlabException;

/**
 * Finds plugin providers: built-in ones in the boot module layer and on the class path, and those of a
 * plugins folder, where each jar (or sub-folder of jars: one plugin with its dependencies) gets a
 * module layer of its own, so that two plugins may depend on different versions of one library.
 */
final class PluginDiscovery {
    /** A guard against a broken service iterator that keeps failing on the same entry. */
    private static final int MAX_PROVIDER_ERRORS = 100;

    private PluginDiscovery() {}

    /** Providers in the boot layer's modules, then those on the class path that were not seen there. */
    static List<PluginCandidate> builtIn() {
        List<PluginCandidate> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        collect(ServiceLoader.load(ModuleLayer.boot(), Plugin.class), null, true, found, seen);
        ClassLoader loader = PluginDiscovery.class.getClassLoader();
        collect(ServiceLoader.load(Plugin.class, loader == null ? ClassLoader.getSystemClassLoader() : loader),
                null, true, found, seen);
        return found;
    }

    /** One candidate per provider in each jar or sub-folder of {@code folder}; a missing folder has none. */
    static List<PluginCandidate> folder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(folder)) {
            entries = s.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new RnnlabException("cannot list plugins folder " + folder + ": " + e.getMessage(), e);
        }
        List<PluginCandidate> found = new ArrayList<>();
        for (Path entry : entries) {
            found.addAll(entry(entry.toAbsolutePath().normalize()));
        }
        return found;
    }

    private static List<PluginCandidate> entry(Path entry) {
        PluginSource unresolved = new PluginSource(false, "?", Optional.of(entry));
        if (Files.isRegularFile(entry) && !isZip(entry)) {
            return List.of(failing(entry.getFileName().toString(), unresolved, entry
                    + " is not a jar (a jar is a zip archive; this file does not start like one): remove it from the plugins folder"));
        }
        ModuleLayer layer;
        try {
            layer = layerOf(entry);
        } catch (RuntimeException | LinkageError e) {
            String why = "cannot load " + entry + " as a module layer: " + ErrorText.of(e);
            return List.of(failing(entry.getFileName().toString(), unresolved, why));
        }
        List<PluginCandidate> found = new ArrayList<>();
        collect(ServiceLoader.load(layer, Plugin.class), layer, false, found, new HashSet<>());
        if (found.isEmpty()) {
            return List.of(failing(entry.getFileName().toString(), unresolved, entry
                    + " holds no org.rnnlab.api.Plugin provider (its module-info needs"
                    + " 'provides org.rnnlab.api.Plugin with ...')"));
        }
        return found.stream()
                .map(c -> new PluginCandidate(c.provider(),
                        new PluginSource(false, c.source().module(), Optional.of(entry)), c.instantiate()))
                .toList();
    }

    /** A zip archive (and so a jar) starts with a local file header, {@code PK\3\4}, or is an empty archive, {@code PK\5\6}. */
    private static boolean isZip(Path file) {
        byte[] head = new byte[4];
        try (var in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 4) < 4) {
                return false;
            }
        } catch (IOException e) {
            return true; // unreadable: the module finder reports why
        }
        return head[0] == 'P' && head[1] == 'K' && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
    }

    private static ModuleLayer layerOf(Path entry) {
        ModuleFinder finder = ModuleFinder.of(entry);
        Set<String> roots = finder.findAll().stream().map(r -> r.descriptor().name()).collect(Collectors.toSet());
        if (roots.isEmpty()) {
            throw new RnnlabException("no module or jar found in " + entry);
        }
        // a private copy of the API would make its Plugin a different type: the plugin would never be found
        for (ModuleReference r : finder.findAll()) {
            String name = r.descriptor().name();
            if (name.equals("org.rnnlab.api") || name.equals("org.rnnlab.engine")) {
                throw new RnnlabException(entry + " contains its own copy of " + name
                        + "; remove it, rnnlab provides it");
            }
        }
        ModuleLayer parent = ModuleLayer.boot();
        Configuration cf = parent.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
        ClassLoader parentLoader = Plugin.class.getClassLoader();
        return parent.defineModulesWithOneLoader(cf, parentLoader == null ? ClassLoader.getSystemClassLoader() : parentLoader);
    }

    private static void collect(ServiceLoader<Plugin> loader, ModuleLayer onlyLayer, boolean builtIn,
                                List<PluginCandidate> into, Set<String> seen) {
        Iterator<ServiceLoader.Provider<Plugin>> it = loader.stream().iterator();
        int errors = 0;
        while (true) {
            ServiceLoader.Provider<Plugin> provider;
            try {
                if (!it.hasNext()) {
                    return;
                }
                provider = it.next();
            } catch (java.util.ServiceConfigurationError e) {
                // a provider named in META-INF/services that cannot even be loaded
                into.add(failing("(unloadable provider)", new PluginSource(builtIn, "?", Optional.empty()),
                        ErrorText.of(e)));
                if (++errors > MAX_PROVIDER_ERRORS) {
                    return;
                }
                continue;
            }
            Class<? extends Plugin> type = provider.type();
            // the layer's service loader also walks the parent layers, whose plugins are built in
            if (onlyLayer != null && type.getModule().getLayer() != onlyLayer) {
                continue;
            }
            if (seen.add(type.getName())) {
                into.add(new PluginCandidate(type.getName(), PluginSource.of(type, builtIn), provider::get));
            }
        }
    }

    private static PluginCandidate failing(String name, PluginSource source, String why) {
        return new PluginCandidate(name, source, () -> {
            throw new RnnlabException(why);
        });
    }
}
