package org.rnnlab.experiments.cli;

import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolutionException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.Set;
import org.rnnlab.api.ConfigException;
import org.rnnlab.runtime.ClusterLauncher;

/**
 * Loads the cluster module ({@code org.rnnlab.cluster}, with Hazelcast) only when a command asks for it: from
 * the boot layer when it is on the module path, else from {@code cluster/} beside the command line's jar in a
 * module layer of its own. A {@code lab} that never clusters resolves, loads and opens nothing of it.
 */
final class ClusterModule {
    static final String MODULE = "org.rnnlab.cluster";
    /** The folder beside the experiments jar that the build fills with the cluster module and Hazelcast. */
    static final String FOLDER = "cluster";

    private ClusterModule() {}

    static ClusterLauncher launcher() {
        return ServiceLoader.load(ModuleLayer.boot(), ClusterLauncher.class).findFirst()
                .orElseGet(() -> ServiceLoader.load(layer(), ClusterLauncher.class).findFirst()
                        .orElseThrow(() -> new ConfigException("the cluster module provides no cluster")));
    }

    private static ModuleLayer layer() {
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            throw new ConfigException("the cluster module is missing: " + folder + " does not exist (./lab builds it)");
        }
        ModuleLayer boot = ModuleLayer.boot();
        try {
            Configuration cf = boot.configuration().resolveAndBind(ModuleFinder.of(folder), ModuleFinder.of(), Set.of(MODULE));
            return boot.defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
        } catch (FindException | ResolutionException e) {
            // Hazelcast needs the whole platform, which a module-path application resolves only when asked
            throw new ConfigException("cannot load the cluster module from " + folder + ": " + e.getMessage()
                    + " (start java with --add-modules java.se,jdk.unsupported; the lab script does for lab worker "
                    + "and --cluster)");
        }
    }

    private static Path folder() {
        try {
            Path jar = Path.of(ClusterModule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.resolveSibling(FOLDER);
        } catch (URISyntaxException | RuntimeException e) {
            throw new ConfigException("cannot tell where the lab's jar is, to find the cluster module: " + e.getMessage());
        }
    }
}
