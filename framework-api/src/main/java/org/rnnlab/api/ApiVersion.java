package org.rnnlab.api;

/** The version of the plugin API; a plugin built for another major version is refused. */
public final class ApiVersion {
    /** Raised whenever an SPI changes incompatibly. */
    public static final int CURRENT = 1;

    private ApiVersion() {}
}
