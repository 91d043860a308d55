package org.rnnlab.api.experiment;

import java.nio.file.Path;
import org.rnnlab.api.RnnlabException;

/**
 * Turns experiment and variant names into file names that stay inside their folder: anything but
 * ASCII letters, digits, {@code .}, {@code _}, {@code -} and {@code =} (variant names such as
 * {@code layers=2_s1}) becomes {@code _}, leading dots are dropped
 * (no {@code ..}, no hidden files), and the result is never empty.
 */
public final class FileNames {
    private static final int MAX_LENGTH = 120;

    private FileNames() {}

    public static String safe(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(c -> sb.append(
                (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '=')) ? (char) c : '_'));
        String s = sb.toString().replaceAll("_+", "_");
        int start = 0;
        while (start < s.length() && (s.charAt(start) == '.' || s.charAt(start) == '_')) {
            start++;
        }
        s = s.substring(start);
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH);
        }
        return s.isEmpty() ? "unnamed" : s;
    }

    /** {@code folder/safe(name)}, checked to lie inside {@code folder}. */
    public static Path inside(Path folder, String name) {
        Path base = folder.toAbsolutePath().normalize();
        Path p = base.resolve(safe(name)).normalize();
        if (!p.startsWith(base) || p.equals(base)) {
            throw new RnnlabException("name '" + name + "' would leave the folder " + base);
        }
        return p;
    }
}
