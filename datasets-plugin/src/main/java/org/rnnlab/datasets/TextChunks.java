package org.rnnlab.datasets;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.api.data.TextExample;

/** Cuts continuous text into examples of a fixed number of code points; the last one may be shorter. */
final class TextChunks {
    private TextChunks() {}

    static List<TextExample> of(String text, int codePoints) {
        List<TextExample> out = new ArrayList<>(text.length() / codePoints + 1);
        int start = 0;
        while (start < text.length()) {
            int end = start;
            int n = 0;
            while (end < text.length() && n < codePoints) {
                end += Character.charCount(text.codePointAt(end));
                n++;
            }
            out.add(TextExample.unlabelled(text.substring(start, end)));
            start = end;
        }
        return out;
    }
}
