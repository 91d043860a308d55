package org.rnnlab.model.seq2seq;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.PairExample;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;

/**
 * The two sides of sequence-to-sequence data, each with its own tokenizer and vocabulary fitted on the
 * training pairs only (so unseen validation and test tokens become {@code <unk>}).
 *
 * @since 0.1
 */
public record PairVocabularies(Tokenizer sourceTokenizer, Vocabulary source, Tokenizer targetTokenizer,
                               Vocabulary target) {

    /** Fits both vocabularies on the {@link PairExample}s of {@code training}. */
    public static PairVocabularies fit(List<Example> training, Tokenizer sourceTokenizer, Tokenizer targetTokenizer) {
        List<String> sources = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (PairExample p : pairs(training)) {
            sources.add(p.source());
            targets.add(p.target());
        }
        return new PairVocabularies(sourceTokenizer, sourceTokenizer.fit(sources), targetTokenizer,
                targetTokenizer.fit(targets));
    }

    /** The pairs among {@code examples}; any other kind of example is an error naming its position. */
    public static List<PairExample> pairs(List<Example> examples) {
        List<PairExample> out = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            if (!(examples.get(i) instanceof PairExample p)) {
                throw new IllegalArgumentException("example " + i + " is a " + examples.get(i).getClass().getSimpleName()
                        + ", not a (source, target) pair");
            }
            out.add(p);
        }
        return out;
    }

    public int[] sourceIds(String text) {
        return sourceTokenizer.ids(text, source);
    }

    public int[] targetIds(String text) {
        return targetTokenizer.ids(text, target);
    }

    /** Target ids back to text, joined as the target tokenizer joins tokens. */
    public String targetText(int[] ids) {
        List<String> tokens = new ArrayList<>(ids.length);
        for (int id : ids) {
            tokens.add(target.token(id));
        }
        return targetTokenizer.join(tokens);
    }

    /** The source tokens of a text, as attention heatmaps label their columns. */
    public List<String> sourceTokens(String text) {
        return sourceTokenizer.tokens(text);
    }
}
