package org.rnnlab.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of rnnlab itself, as Maven built it (the filtered {@code version.properties} beside this
 * class): the one source of the version that provenance, {@code lab --version} and the built-in plugins report.
 */
public final class RnnlabVersion {
    private static final String VERSION = read();

    private RnnlabVersion() {}

    /** For example {@code 0.1.0-SNAPSHOT}; {@code unknown} if the build left no version. */
    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = RnnlabVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
