package org.rnnlab.reporting.html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Relative links between the comparison page and the run pages. */
final class RunLinks {
    private RunLinks() {}

    static final String COMPARISON = "comparison.html";
    static final String RUN_PAGE = "report.html";

    /** From the comparison page to a variant's page; the name is percent-encoded as one path segment. */
    static String runPage(String variant) {
        return variantFolder(variant) + RUN_PAGE;
    }

    /** From the comparison page into a variant's folder, ending in {@code /}; the name is one percent-encoded segment. */
    static String variantFolder(String variant) {
        return URLEncoder.encode(variant, StandardCharsets.UTF_8).replace("+", "%20") + "/";
    }
}
