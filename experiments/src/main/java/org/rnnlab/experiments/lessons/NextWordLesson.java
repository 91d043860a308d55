package org.rnnlab.experiments.lessons;

import java.util.List;
import java.util.Map;
import org.rnnlab.api.experiment.Alternative;
import org.rnnlab.api.experiment.Experiment;

/**
 * The {@code next-word} lesson: "given these words, predict the next one" on tiny-shakespeare's words,
 * where a bag of words and a fixed window are the foils that a recurrence should beat.
 *
 * <p>Calibrated with {@code experiments/tools/next_word_reference.py} (PyTorch, same data, vocabulary,
 * sizes and optimiser; seed 1, validation perplexity after epochs 1-4): bag-of-words 147.6 127.4 119.1
 * 113.7, fixed-window 108.9 89.5 83.9 80.0, rnn 113.8 91.0 84.1 80.0, lstm 126.6 98.1 88.0 82.5. The
 * engine after one epoch, seed 1: 148.5, 111.2, 116.6, 125.8 and gru 124.3. So at these defaults the
 * bag of words is clearly last but the recurrent cells have not yet passed the fixed window.
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
                        + " word over a vocabulary of the 2,000 most frequent (the rest, 12% of the held-out words, are"
                        + " <unk>). The bag of words knows which three words came last but not in which order; the"
                        + " fixed window (Bengio et al. 2003) knows their order; the recurrent cells read everything"
                        + " since the start of the 30-word example. Perplexity is the number of words the model is as"
                        + " unsure as if choosing uniformly among them. The bag of words is far behind the others;"
                        + " after 4 epochs the fixed window and the recurrent cells are still close (a PyTorch"
                        + " reimplementation: 80.0 for the fixed window and the rnn, 82.5 for the lstm, 114 for the"
                        + " bag): the recurrence needs longer examples or more epochs to pull ahead.")
                .dataset("shakespeare-words").set("tokenizer.max_size", 2000).set("tokenizer.lowercase", true)
                .set("bptt.stateful", true).set("bptt.chunk", 35)
                .embedding(64).hidden(128).learningRate(3e-3).epochs(4).batchSize(32).clip(5)
                .set("samples", 3).set("temperature", 0.8)
                .vary("model", MODELS)
                .seeds(3)
                .quick(Map.of("epochs", "1"))
                .build());
    }
}
