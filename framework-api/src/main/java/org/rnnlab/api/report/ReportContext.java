package org.rnnlab.api.report;

import java.nio.file.Path;

/** Where a reporter writes, and whether standard output is an interactive terminal. */
public record ReportContext(Path runDirectory, boolean interactive) {}
