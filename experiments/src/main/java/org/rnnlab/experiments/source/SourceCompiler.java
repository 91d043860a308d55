package org.rnnlab.experiments.source;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.StringWriter;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.rnnlab.api.RnnlabException;

/**
 * Compiles Java sources in memory, against the rnnlab modules this process runs with (the API and
 * everything it reads), and loads the classes in a loader of their own. Nothing is written to disk.
 * Used by {@code lab run File.java} and by the tests that keep the README's code compiling.
 */
public final class SourceCompiler {

    /** One compilation unit: the name it is reported under (a file name or a README line) and its text. */
    public record Source(String name, String text) {}

    /** The compiled classes, by binary name, and a loader that defines them on demand. */
    public record Compiled(Map<String, byte[]> classes, ClassLoader loader) {}

    /** What javac said about one error: where, the message, and javac's key for it ({@code compiler.err...}). */
    public record Problem(String source, long line, long column, String message, String code) {
        /** {@code MyStudy.java:12:9: cannot find symbol (symbol: method hiden(int))}. */
        @Override
        public String toString() {
            return source + ":" + line + ":" + column + ": " + message;
        }
    }

    private final List<String> options;

    private SourceCompiler(List<String> options) {
        this.options = options;
    }

    /**
     * A compiler that sees the modules of this process that were loaded from files (rnnlab's and its
     * libraries'), plus {@code extraModules} (jars or folders); {@code roots} are added to the unnamed
     * module's reads, e.g. {@code org.rnnlab.api}.
     */
    public static SourceCompiler againstRunningModules(List<Path> extraModules, List<String> roots) {
        List<String> paths = new ArrayList<>();
        for (ResolvedModule m : ModuleLayer.boot().configuration().modules()) {
            m.reference().location().filter(u -> "file".equals(u.getScheme())).map(URI::getPath).ifPresent(paths::add);
        }
        // modules on the module path that nothing required are not in the boot layer, but a source may require them
        String modulePath = System.getProperty("jdk.module.path", "");
        for (String entry : modulePath.split(File.pathSeparator)) {
            if (!entry.isBlank() && !paths.contains(entry)) {
                paths.add(entry);
            }
        }
        extraModules.forEach(p -> paths.add(p.toString()));
        List<String> opts = new ArrayList<>(List.of("-proc:none", "-Xlint:none", "-encoding", "UTF-8"));
        if (ModuleLayer.boot().findModule("org.rnnlab.api").isPresent()) {
            opts.addAll(List.of("--module-path", String.join(File.pathSeparator, paths),
                    "--add-modules", String.join(",", roots)));
        } else {
            // started on the class path (an IDE, a test runner without modules): the same classes, found there
            opts.addAll(List.of("-classpath", System.getProperty("java.class.path")));
        }
        return new SourceCompiler(List.copyOf(opts));
    }

    /** This compiler with more javac options (e.g. {@code --module-source-path}). */
    public SourceCompiler with(List<String> more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(more);
        return new SourceCompiler(List.copyOf(all));
    }

    /**
     * Compiles {@code sources} together; the result, or every error javac reported (at least one).
     */
    public Result compile(List<Source> sources) {
        JavaCompiler javac = Optional.ofNullable(ToolProvider.getSystemJavaCompiler())
                .orElseThrow(() -> new RnnlabException("this Java runtime has no compiler (javac): run rnnlab on a JDK"));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
        InMemoryFiles files = new InMemoryFiles(standard);
        List<JavaFileObject> units = sources.stream().map(SourceText::new).collect(Collectors.toList());
        StringWriter out = new StringWriter();
        boolean ok = javac.getTask(out, files, diagnostics, options, null, units).call();
        List<Problem> problems = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> new Problem(d.getSource() == null ? "javac" : ((SourceText) d.getSource()).source.name(),
                        d.getLineNumber(), d.getColumnNumber(), oneLine(d.getMessage(Locale.ROOT)), d.getCode()))
                .toList();
        if (!ok && problems.isEmpty()) {
            problems = List.of(new Problem("javac", 0, 0, oneLine(out.toString()), ""));
        }
        Map<String, byte[]> classes = files.classes();
        ClassLoader parent = SourceCompiler.class.getClassLoader();
        return new Result(problems, ok ? new Compiled(classes, new BytesLoader(classes, parent)) : null);
    }

    /** The outcome of {@link #compile}: problems, or the compiled classes. */
    public record Result(List<Problem> problems, Compiled compiled) {
        public boolean ok() {
            return problems.isEmpty() && compiled != null;
        }
    }

    private static String oneLine(String message) {
        String[] lines = message.strip().split("\\R");
        StringBuilder sb = new StringBuilder(lines[0].strip());
        if (lines.length > 1) {
            sb.append(" (");
            for (int i = 1; i < lines.length; i++) {
                sb.append(i > 1 ? ", " : "").append(lines[i].strip().replaceAll("\\s+", " "));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** A module declaration, after comments and imports: javac reads it only from a file named module-info. */
    private static final java.util.regex.Pattern MODULE_DECLARATION = java.util.regex.Pattern.compile(
            "(?s)(\\s|//[^\\n]*\\n|/\\*.*?\\*/|import\\s[^;]*;)*(@[\\w.]+(\\([^)]*\\))?\\s*)*(open\\s+)?module\\s");

    private static final class SourceText extends SimpleJavaFileObject {
        final Source source;

        SourceText(Source source) {
            // module-info must be named so for javac to read it as a module declaration
            super(URI.create("string:///" + fileName(source) + ".java"), Kind.SOURCE);
            this.source = source;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source.text();
        }
    }

    private static final java.util.regex.Pattern PUBLIC_TYPE = java.util.regex.Pattern.compile(
            "(?m)^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp|static)\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)");

    /**
     * The file name javac must see: module-info for a module declaration; a source named after a file
     * keeps it (javac then checks the public class against it, as for any file); text from elsewhere (a
     * README block) is named after its public type.
     */
    private static String fileName(Source source) {
        if (MODULE_DECLARATION.matcher(source.text()).lookingAt()) {
            return "module-info";
        }
        if (!source.name().endsWith(".java")) {
            java.util.regex.Matcher m = PUBLIC_TYPE.matcher(source.text());
            if (m.find()) {
                return m.group(1);
            }
        }
        return simpleName(source.name());
    }

    private static String simpleName(String name) {
        String file = name.replace('\\', '/');
        file = file.substring(file.lastIndexOf('/') + 1);
        return file.endsWith(".java") ? file.substring(0, file.length() - 5) : file.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static final class InMemoryFiles extends ForwardingJavaFileManager<JavaFileManager> {
        private final Map<String, ByteArrayOutputStream> out = new HashMap<>();

        InMemoryFiles(JavaFileManager standard) {
            super(standard);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return out.computeIfAbsent(className, k -> new ByteArrayOutputStream());
                }
            };
        }

        Map<String, byte[]> classes() {
            Map<String, byte[]> m = new HashMap<>();
            out.forEach((k, v) -> m.put(k, v.toByteArray()));
            return m;
        }
    }

    private static final class BytesLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        BytesLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super("rnnlab-source", parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }
}
