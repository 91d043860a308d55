package org.rnnlab.experiments.cli;

import java.io.File;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The modular jars surefire put on the class path (test-scoped ones nothing in the main module requires,
 * such as the testkit), so a compilation in a test can resolve them as modules.
 */
final class ClassPathModules {
    private ClassPathModules() {}

    static List<Path> all() {
        List<Path> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            // a jar, or a module's classes folder (a reactor build resolves a sibling module to target/classes)
            boolean exploded = Files.isRegularFile(p.resolve("module-info.class"));
            if (exploded || entry.endsWith(".jar") && Files.isRegularFile(p)) {
                try {
                    if (ModuleFinder.of(p).findAll().stream().anyMatch(m -> !m.descriptor().isAutomatic())) {
                        out.add(p);
                    }
                } catch (FindException e) {
                    // not a jar a module can come from: it stays out
                }
            }
        }
        return out;
    }
}
