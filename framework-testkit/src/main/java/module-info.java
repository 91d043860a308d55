/**
 * Compatibility kits that a plugin's own tests extend: {@link org.rnnlab.testkit.CellCompatibilityKit}
 * checks a cell against the {@link org.rnnlab.api.cell.Cell} contract, and {@link org.rnnlab.testkit.CellChecks}
 * holds the same checks as plain methods.
 */
module org.rnnlab.testkit {
    requires transitive org.rnnlab.api;
    requires transitive org.rnnlab.model;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires transitive org.assertj.core;

    exports org.rnnlab.testkit;

    opens org.rnnlab.testkit to org.junit.platform.commons;
}
