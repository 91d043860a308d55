package org.rnnlab.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.api.ConfigException;
import org.rnnlab.runtime.ClusterSettings;
import picocli.CommandLine.Option;

/** How {@code lab worker} and {@code lab run --cluster} join the cluster of lab members (see the README). */
final class ClusterOptions {
    /** Where the shared secret is read from when no {@code --secret-file} is given. */
    static final String SECRET_VARIABLE = "RNNLAB_CLUSTER_SECRET";

    @Option(names = "--join", paramLabel = "HOST:PORT", split = ",",
            description = "A member of the cluster to join (repeatable, or a comma list); none: this member starts it.")
    List<String> join = new ArrayList<>();

    @Option(names = "--port", paramLabel = "PORT",
            description = "The port this member listens on (default ${DEFAULT-VALUE}).")
    int port = ClusterSettings.DEFAULT_PORT;

    @Option(names = "--address", paramLabel = "ADDR",
            description = "The address this member listens on and the others reach it at (default ${DEFAULT-VALUE}: "
                    + "this machine only; give the machine's own address to cluster several machines).")
    String address = "127.0.0.1";

    @Option(names = "--cluster-name", paramLabel = "NAME", description = "The cluster's name (default ${DEFAULT-VALUE}).")
    String name = "rnnlab";

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "A file holding the cluster's shared secret (default: the environment variable "
                    + SECRET_VARIABLE + "); members with another secret are refused.")
    Path secretFile;

    /** Whether any of these options was given (they need {@code --cluster} on {@code lab run}). */
    boolean given() {
        return !join.isEmpty() || port != ClusterSettings.DEFAULT_PORT || !"127.0.0.1".equals(address)
                || !"rnnlab".equals(name) || secretFile != null;
    }

    ClusterSettings settings(int slots) {
        return new ClusterSettings(name, secret(), address, port,
                join.stream().map(j -> j.contains(":") ? j.strip() : j.strip() + ":" + ClusterSettings.DEFAULT_PORT).toList(),
                slots);
    }

    private String secret() {
        if (secretFile == null) {
            String fromEnvironment = System.getenv(SECRET_VARIABLE);
            return fromEnvironment == null ? null : fromEnvironment.strip();
        }
        try {
            return Files.readString(secretFile).strip();
        } catch (IOException e) {
            throw new ConfigException("--secret-file: cannot read " + secretFile + ": " + e.getMessage());
        }
    }
}
