package org.rnnlab.datasets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.rnnlab.api.data.Vocabulary;

/** Fits a vocabulary by counting the tokens of training texts. */
final class TokenCounting {
    private TokenCounting() {}

    static Vocabulary fit(List<String> texts, Function<String, List<String>> tokens, TokenizerOptions options) {
        Map<String, Long> counts = new HashMap<>();
        for (String text : texts) {
            for (String token : tokens.apply(text)) {
                counts.merge(token, 1L, Long::sum);
            }
        }
        return Vocabulary.fromCounts(counts, options.maxSize(), options.minCount());
    }
}
