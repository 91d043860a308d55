package org.rnnlab.runtime;

/** Whether a plugin's components are in the registry. */
public enum PluginStatus {
    /** Loaded; its components are registered. */
    LOADED,
    /** Its provider, id, version or Guice module threw; nothing of it is registered. */
    FAILED,
    /** It loaded but was turned away (other API version, duplicate id): nothing of it is registered. */
    REFUSED
}
