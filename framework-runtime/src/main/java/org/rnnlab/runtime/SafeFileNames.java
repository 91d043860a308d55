package org.rnnlab.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.rnnlab.api.RnnlabException;

/**
 * Turns experiment and variant names into single file-name segments that stay inside their folder:
 * separators, NUL and other control or shell-special characters become {@code _}, leading dots go (no
 * {@code ..}, no hidden files), device names of Windows get a prefix, and the length is bounded.
 */
public final class SafeFileNames {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._,=+-]");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com\\d|lpt\\d)(\\..*)?");
    private static final int MAX_LENGTH = 100;

    private SafeFileNames() {}

    /** A file-name segment for {@code name}; never empty, never {@code .} or {@code ..}, never a path. */
    public static String of(String name) {
        String s = UNSAFE.matcher(name == null ? "" : name).replaceAll("_");
        int start = 0;
        while (start < s.length() && s.charAt(start) == '.') {
            start++;
        }
        s = s.substring(start);
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty() || s.chars().allMatch(c -> c == '_')) {
            s = "unnamed" + s;
        }
        if (RESERVED.matcher(s).matches()) {
            s = "_" + s;
        }
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) : s;
    }

    /**
     * Safe segments for several names, made distinct ({@code -2}, {@code -3}, ... compared ignoring case,
     * since some file systems do) in list order.
     */
    public static List<String> distinct(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        Set<String> taken = new HashSet<>();
        for (String name : names) {
            String base = of(name);
            String candidate = base;
            for (int i = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); i++) {
                candidate = base + "-" + i;
            }
            out.add(candidate);
        }
        return out;
    }

    /** {@code folder/segment} after checking that it is directly inside {@code folder}. */
    public static Path inside(Path folder, String segment) {
        Path root = folder.toAbsolutePath().normalize();
        Path child = root.resolve(segment).normalize();
        if (!child.getParent().equals(root) || !segment.equals(of(segment))) {
            throw new RnnlabException("refusing to write '" + segment + "' outside " + root);
        }
        return child;
    }
}
