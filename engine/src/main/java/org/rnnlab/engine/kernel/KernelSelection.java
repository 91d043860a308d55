package org.rnnlab.engine.kernel;

import java.util.Locale;
import java.util.Optional;

/**
 * Picks the kernels once per JVM, as Lucene's {@code VectorizationProvider} does: the Vector API
 * kernels when the {@code jdk.incubator.vector} module is present and the C2 compiler is on (without
 * C2 the Vector API runs boxed and is far slower than plain loops), the scalar ones otherwise, with a
 * one-line warning naming the flag to pass. {@code -Drnnlab.kernels=scalar|vector} forces a choice.
 */
final class KernelSelection {
    static final String PROPERTY = "rnnlab.kernels";
    static final Kernels SELECTED = load(decide(System.getProperty(PROPERTY), vectorModulePresent(), c2Enabled()));

    private KernelSelection() {}

    /** The outcome of {@link #decide}: which kernels, and a warning to print if any. */
    record Choice(String name, Optional<String> warning) {}

    /**
     * Decides from the property value (null when unset) and the environment. A forced {@code vector}
     * without the module is an error, since the user asked for something this JVM cannot give.
     */
    static Choice decide(String property, boolean vectorModulePresent, boolean c2Enabled) {
        String forced = property == null ? "" : property.trim().toLowerCase(Locale.ROOT);
        switch (forced) {
            case "scalar":
                return new Choice("scalar", Optional.empty());
            case "vector":
                if (!vectorModulePresent) {
                    throw new IllegalStateException("-D" + PROPERTY + "=vector needs the Vector API: pass "
                            + "--add-modules jdk.incubator.vector to java");
                }
                return new Choice("vector", Optional.empty());
            case "":
                if (!vectorModulePresent) {
                    return new Choice("scalar", Optional.of("rnnlab: using scalar kernels because module "
                            + "jdk.incubator.vector is not loaded; pass --add-modules jdk.incubator.vector "
                            + "for the Vector API kernels"));
                }
                if (!c2Enabled) {
                    return new Choice("scalar", Optional.of("rnnlab: using scalar kernels because the C2 "
                            + "compiler is off (-Xint or -XX:TieredStopAtLevel<4); run without those flags "
                            + "for the Vector API kernels"));
                }
                return new Choice("vector", Optional.empty());
            default:
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + property
                        + " is not a kernel choice; use scalar or vector");
        }
    }

    private static Kernels load(Choice choice) {
        choice.warning().ifPresent(w -> System.getLogger(KernelSelection.class.getName())
                .log(System.Logger.Level.WARNING, w));
        if (choice.name().equals("scalar")) {
            return new ScalarKernels();
        }
        try {
            // by name, so that this class loads on a JVM without the incubator module
            return (Kernels) Class.forName("org.rnnlab.engine.kernel.VectorKernels")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the Vector API kernels", e);
        }
    }

    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    static boolean c2Enabled() {
        if (System.getProperty("java.vm.info", "").contains("interpreted mode")) {
            return false;
        }
        try {
            var bean = java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (bean == null) {
                return true;
            }
            boolean tiered = Boolean.parseBoolean(bean.getVMOption("TieredCompilation").getValue());
            int stopAt = Integer.parseInt(bean.getVMOption("TieredStopAtLevel").getValue());
            return !tiered || stopAt >= 4;
        } catch (RuntimeException | LinkageError e) {
            // not HotSpot, or jdk.management not loaded: assume an optimizing compiler
            return true;
        }
    }
}
