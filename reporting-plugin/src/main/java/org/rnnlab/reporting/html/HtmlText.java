package org.rnnlab.reporting.html;

/**
 * Escapes text for HTML. Everything a user or a dataset provides (variant names, settings, samples,
 * error messages) goes through here before it enters a page, in element content and in quoted
 * attribute values alike.
 */
public final class HtmlText {
    private HtmlText() {}

    /** {@code text} with {@code & < > " '} replaced by character references; null becomes empty. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
