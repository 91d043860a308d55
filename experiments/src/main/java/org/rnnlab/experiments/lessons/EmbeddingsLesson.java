package org.rnnlab.experiments.lessons;

import java.util.List;
import java.util.Map;
import org.rnnlab.api.experiment.Alternative;
import org.rnnlab.api.experiment.Claim;
import org.rnnlab.api.experiment.Claim.Measure;
import org.rnnlab.api.experiment.Experiment;

/**
 * The {@code embeddings} lesson: word2vec's skip-gram with negative sampling, first on a generated corpus whose
 * words have known classes (so the neighbours can be scored), then on tiny-shakespeare's words (where the
 * neighbours of a few probe words are shown as the run's samples), then the sentiment lesson's gru with a random
 * embedding against one begun as skip-gram vectors ({@code embedding.init=skipgram}), trained further or frozen.
 * Each part carries all its settings: word2vec's keys mean nothing to a classifier and the reverse.
 */
final class EmbeddingsLesson {
    private EmbeddingsLesson() {}

    /** The probe words of the real corpus: frequent enough to have settled vectors, of different kinds. */
    static final String PROBES = "king,lord,love,death,night,good,thou,blood";

    /** What word2vec's two corpora share: the task and its settings, the trainer's part in it. */
    private static Map<String, String> word2vec(Map<String, String> corpus) {
        Map<String, String> s = new java.util.TreeMap<>(corpus);
        // the runtime requires a cell; word2vec has no recurrence and reads none. Its tables are updated by its
        // own SGD, so the trainer's optimiser sees zero gradients: sgd keeps that a no-op
        s.putAll(Map.of("task", "word2vec", "cell", "dense", "tokenizer", "word", "optimizer", "sgd",
                "word2vec.model", "skipgram", "word2vec.window", "5", "word2vec.negatives", "5",
                "word2vec.min_count", "5", "word2vec.lr", "0.025"));
        s.putAll(Map.of("epochs", "5", "batch", "64", "samples", "8"));
        return s;
    }

    /** The sentiment lesson's gru variant ({@link Lessons#sentiment}), its embedding begun as {@code init} says. */
    private static Map<String, String> sentiment(Map<String, String> init) {
        Map<String, String> s = new java.util.TreeMap<>(init);
        s.putAll(Map.of("dataset", "sentiment", "tokenizer", "word", "cell", "gru", "embedding", "64", "hidden", "64",
                "lr", "0.001", "batch", "32", "clip", "5"));
        s.putAll(Map.of("early_stopping.metric", "val.accuracy", "early_stopping.patience", "2",
                "embedding.probes", "good bad great worst"));
        return s;
    }

    static final List<Alternative> PARTS = List.of(
            Alternative.of("generated", word2vec(Map.of("dataset", "word-classes", "dataset.count", "5000",
                    "dataset.validation", "500", "word2vec.probes", "fox,red,chased,garden,quickly",
                    "word2vec.dimension", "50", "word2vec.sample", "0.01"))),
            Alternative.of("shakespeare", word2vec(Map.of("dataset", "shakespeare-words", "word2vec.probes", PROBES,
                    "word2vec.dimension", "100", "word2vec.sample", "0.001", "tokenizer.lowercase", "true"))),
            Alternative.of("sentiment-random", sentiment(Map.of())),
            Alternative.of("sentiment-skipgram", sentiment(Map.of("embedding.init", "skipgram"))),
            Alternative.of("sentiment-skipgram-frozen", sentiment(Map.of("embedding.init", "skipgram",
                    "embedding.trainable", "false"))));

    static final String LESSON = "Skip-gram with negative sampling learns a vector per word by telling the words that occur"
            + " near it from random words. On the generated corpus, words of one class (animals, colours,"
            + " verbs, places, adverbs) stand in the same places of a sentence, and their vectors end up"
            + " near each other: nearly every word's five nearest neighbours by cosine are of its own class"
            + " (val.purity). On tiny-shakespeare the samples list the nearest neighbours of a few probe"
            + " words: words used alike, as night with morrow, day and morning, or lord with liege and gracious"
            + " (seed 1), beside looser ones, since 200,000 words are little text for word2vec."
            + " Last, the sentiment lesson's gru, its embedding begun at random or as skip-gram vectors the variant"
            + " first learns from its own 2,400 training sentences (embedding.init=skipgram; 33,000 words, never"
            + " the held-out text). Over seeds 1-3 the test accuracy is 0.748 from random rows (0.720 to 0.773) and"
            + " 0.750 from skip-gram rows trained further (0.713 to 0.817): a difference of 0.002 against a spread"
            + " of 0.10 between seeds (bootstrap interval -0.05 to +0.06): this run cannot tell them apart. 33,000 words"
            + " are far too little text for word2vec: its vectors share one direction (two words picked at random"
            + " have a cosine of about 0.99), and bad is among good's nearest neighbours, since both stand in the"
            + " same places. Frozen, those vectors leave the gru near chance (0.533; its training loss stays at"
            + " 0.69 until early stopping ends it): what separates the classes is what the embedding learns from"
            + " the labels.";

    static Lesson embeddings() {
        return new Lesson(Experiment.named("embeddings")
                .description("word2vec skip-gram: neighbour classes on a generated corpus, neighbours on tiny-shakespeare,"
                        + " and sentiment with random vs skip-gram-initialised embeddings")
                .lesson(LESSON)
                // the sentiment variants' epochs (with early stopping), which --quick shrinks; word2vec sets its own
                .epochs(10)
                .vary("part", PARTS)
                .seeds(3)
                .quick(Map.of("epochs", "2"))
                .claims(claims())
                .build());
    }

    static List<Claim> claims() {
        return List.of(Claim.atLeast(Measure.last("val.purity"), 0.9,
                "issue 15's threshold; measured at the defaults, seed 1: " + PURITY, "generated").alsoQuick(),
                Claim.tie(Measure.last("test.accuracy"), "sentiment-skipgram", "sentiment-random", SENTIMENT),
                // frozen, the vectors of 33,000 words leave the gru near chance; trained, it reaches 0.75
                Claim.gap(Measure.last("test.accuracy"), "sentiment-skipgram", "sentiment-skipgram-frozen", 0.1, SENTIMENT));
    }

    /** What the defaults reached (see the README's lesson table). */
    static final String PURITY = "generated 1.00 (quick: the same 5 epochs of word2vec); 5 random neighbours would score"
            + " about 0.15";

    /** Test accuracy of the sentiment variants at the defaults, seeds 1, 2, 3 (docs/embedding-init-sentiment.md). */
    static final String SENTIMENT = "measured at the defaults, seeds 1-3 (2026-12-02): random 0.750, 0.773, 0.720"
            + " (mean 0.748); skip-gram trained 0.817, 0.713, 0.720 (0.750); skip-gram frozen 0.537, 0.517, 0.547"
            + " (0.533); 300 test sentences, a standard error of about 0.025";
}
