package org.rnnlab.experiments.lessons;

import java.util.List;
import java.util.Map;
import org.rnnlab.api.experiment.Alternative;
import org.rnnlab.api.experiment.Experiment;

/**
 * The {@code next-word} lesson: "given these words, predict the next one" on tiny-shakespeare's words,
 * where a bag of words and a fixed window are the foils that a recurrence beats.
 */
final class NextWordLesson {
    private NextWordLesson() {}

    /** The context each model reads: the last three words as a bag, the last three in order, all of them. */
    static final List<Alternative> MODELS = List.of(
            Alternative.of("bag-of-words", Map.of("tokenizer", "bag-of-words", "tokenizer.window", "3", "cell", "dense")),
            Alternative.of("fixed-window", Map.of("tokenizer", "fixed-window", "tokenizer.window", "3", "cell", "dense")),
            Alternative.of("rnn", Map.of("tokenizer", "word", "cell", "rnn")),
            Alternative.of("lstm", Map.of("tokenizer", "word", "cell", "lstm")),
            Alternative.of("gru", Map.of("tokenizer", "word", "cell", "gru")));

    static Lesson nextWord() {
        return new Lesson(Experiment.named("next-word")
                .description("Next-word prediction on tiny-shakespeare: bag of words vs fixed window vs rnn vs lstm vs gru")
                .lesson("Every model reads lower-cased words through the same 64-wide embedding and predicts the next"
                        + " word over a vocabulary of the 2,000 most frequent (the rest are <unk>). The bag of words"
                        + " knows which three words came last but not in which order; the fixed window (Bengio et al."
                        + " 2003) knows their order; the recurrent cells read everything since the start of the"
                        + " example. Validation perplexity orders them: bag of words above fixed window above the"
                        + " recurrent cells, each gap wider than the spread over the three seeds. Perplexity is the"
                        + " number of words the model is as unsure as if choosing uniformly among them. Read the"
                        + " samples: the bag of words strings likely words together, the others make phrases.")
                .dataset("shakespeare-words").set("tokenizer.max_size", 2000).set("tokenizer.lowercase", true)
                .embedding(64).hidden(64).learningRate(3e-3).epochs(4).batchSize(32).clip(5)
                .set("samples", 3).set("temperature", 0.8)
                .vary("model", MODELS)
                .seeds(3)
                .quick(Map.of("epochs", "1"))
                .build());
    }
}
