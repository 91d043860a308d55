package org.rnnlab.experiments.source;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.experiment.Experiment;
import org.rnnlab.api.experiment.ExperimentDefinition;

/**
 * An experiment defined in one Java source file, for {@code lab run path/to/MyStudy.java}: the file is
 * compiled in memory against rnnlab's API and the experiment it defines is run like a plugin's.
 *
 * <p>The contract: the file defines exactly one of
 * <ul>
 *   <li>a method {@code Experiment experiment()} with no parameters, static or not, in any of its
 *       classes; in a compact source file (Java 25: methods at the top level, {@code import module
 *       org.rnnlab.api;}) that is a top-level method, and the file needs no {@code main}; or</li>
 *   <li>a class implementing {@link ExperimentDefinition} with a no-argument constructor.</li>
 * </ul>
 * A class whose {@code experiment()} is not static needs a no-argument constructor (an implicit class has
 * one). The experiment's id is its {@link Experiment#name()}. Compile errors are refused before anything
 * runs, one line each with file, line, column and javac's message.
 */
public final class SourceExperiment {
    private static final String NO_MAIN = "compiler.err.implicit.class.does.not.have.main.method";

    private SourceExperiment() {}

    /** Whether {@code lab run} should read {@code name} as a source file rather than an experiment id. */
    public static boolean isSourceFile(String name) {
        return name.endsWith(".java");
    }

    /** Compiles {@code file} and returns the experiment it defines. */
    public static ExperimentDefinition load(Path file) {
        SourceCompiler.Result result = compile(file.toString(), read(file));
        if (!result.ok()) {
            List<String> lines = result.problems().stream().map(SourceCompiler.Problem::toString).toList();
            throw new ConfigException(lines.size() == 1 ? List.of("compile error: " + lines.getFirst())
                    : prefixed(file, lines));
        }
        return find(file, result.compiled());
    }

    /** Compiles one experiment source named {@code name} against the API, as {@link #load} does. */
    public static SourceCompiler.Result compile(String name, String text) {
        SourceCompiler compiler = SourceCompiler.againstRunningModules(List.of(), List.of("org.rnnlab.api"));
        SourceCompiler.Result result = compiler.compile(List.of(new SourceCompiler.Source(name, text)));
        if (result.problems().stream().anyMatch(p -> p.code().equals(NO_MAIN))) {
            // a compact source file that only defines experiment() needs no main of its own: an empty one is
            // added after the last line, so every line javac reports is still the file's
            result = compiler.compile(List.of(new SourceCompiler.Source(name, text + "\nvoid main() {}\n")));
        }
        return result;
    }

    private static List<String> prefixed(Path file, List<String> lines) {
        List<String> out = new ArrayList<>();
        out.add(file + " does not compile (" + lines.size() + " errors):");
        out.addAll(lines);
        return List.of(String.join("\n  ", out));
    }

    private static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("experiment source " + file.toAbsolutePath() + " does not exist");
        }
        try {
            return Files.readString(file);
        } catch (MalformedInputException e) {
            throw new ConfigException("experiment source " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new RnnlabException("cannot read experiment source " + file + ": " + e.getMessage(), e);
        }
    }

    private static ExperimentDefinition find(Path file, SourceCompiler.Compiled compiled) {
        List<ExperimentDefinition> found = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (String name : compiled.classes().keySet().stream().sorted().toList()) {
            Class<?> c;
            try {
                c = Class.forName(name, false, compiled.loader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            if (ExperimentDefinition.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                found.add((ExperimentDefinition) instantiate(file, c));
                where.add(c.getName() + " (an ExperimentDefinition)");
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals("experiment") && m.getParameterCount() == 0
                        && Experiment.class.isAssignableFrom(m.getReturnType()) && !m.isSynthetic()) {
                    found.add(fromMethod(file, c, m));
                    where.add(c.getName() + ".experiment()");
                }
            }
        }
        if (found.isEmpty()) {
            throw new ConfigException(file + " defines no experiment: it needs a method 'Experiment experiment()' "
                    + "or a class implementing ExperimentDefinition");
        }
        if (found.size() > 1) {
            throw new ConfigException(file + " defines " + found.size() + " experiments (" + String.join(", ", where)
                    + "); keep one");
        }
        return found.getFirst();
    }

    private static ExperimentDefinition fromMethod(Path file, Class<?> owner, Method m) {
        Object target = Modifier.isStatic(m.getModifiers()) ? null : instantiate(file, owner);
        m.setAccessible(true);
        Experiment experiment;
        try {
            experiment = (Experiment) m.invoke(target);
        } catch (InvocationTargetException e) {
            throw new RnnlabException(file + ": experiment() threw " + describe(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new RnnlabException(file + ": cannot call experiment(): " + e.getMessage(), e);
        }
        if (experiment == null) {
            throw new ConfigException(file + ": experiment() returned null");
        }
        return new Defined(experiment, file);
    }

    private static Object instantiate(Path file, Class<?> c) {
        try {
            Constructor<?> k = c.getDeclaredConstructor();
            k.setAccessible(true);
            return k.newInstance();
        } catch (NoSuchMethodException e) {
            throw new ConfigException(file + ": " + c.getName() + " needs a constructor without parameters");
        } catch (InvocationTargetException e) {
            throw new RnnlabException(file + ": the constructor of " + c.getName() + " threw " + describe(e.getCause()),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new RnnlabException(file + ": cannot construct " + c.getName() + ": " + e.getMessage(), e);
        }
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** An experiment returned by a method: its name is its id, its description (or the file) describes it. */
    private record Defined(Experiment experiment, Path file) implements ExperimentDefinition {
        Defined {
            Objects.requireNonNull(experiment);
        }

        @Override
        public String id() {
            return experiment.name();
        }

        @Override
        public String description() {
            String d = experiment.description();
            return d == null || d.isBlank() ? "experiment of " + file.getFileName() : d;
        }
    }
}
