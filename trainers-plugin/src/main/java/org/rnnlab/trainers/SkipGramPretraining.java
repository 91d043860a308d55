package org.rnnlab.trainers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;
import org.rnnlab.model.WordVectors;
import org.rnnlab.model.embedding.LinearDecay;
import org.rnnlab.model.embedding.Word2VecSgd;

/**
 * {@code embedding.init=skipgram}: before a variant trains, skip-gram with negative sampling, trained as the
 * {@code word2vec} task trains it ({@link Word2VecTaskModel}), learns a vector for every word of the variant's
 * vocabulary from text the variant may see, and those vectors become the embedding's first rows. The text is
 * the training split of the variant's own dataset (never its validation or test text) and/or the training split
 * of another dataset ({@code embedding.pretrain.dataset}), read by the variant's fitted tokenizer: words outside
 * its vocabulary are dropped from the sentences, since they could get no row. Everything is drawn from a stream
 * of the variant's seed of its own, so the same seed gives the same vectors, bit for bit, and the model's
 * seeded weights are those of a variant without pretraining.
 *
 * <p>word2vec's reference settings, fixed: window 5, 5 negatives, sub-sampling 1e-3, rate 0.025 decayed
 * linearly to 0; every word seen once or more gets a vector (a vocabulary has its own cut); dimension
 * {@code embedding}. The variant stays self-contained: it needs no other run's output, so it runs anywhere
 * its dataset does.
 */
final class SkipGramPretraining {
    /** The value of {@code embedding.init} that asks for it. */
    static final String INIT = "skipgram";
    static final String TRAIN = "train";
    static final String OTHER = "other";
    static final String BOTH = "train+other";

    static final SettingKey<String> CORPUS = SettingKey.oneOf("embedding.pretrain.corpus",
            "with embedding.init=skipgram, the text skip-gram reads: train (the training split of the variant's own"
                    + " dataset, never its held-out text), other (the training split of embedding.pretrain.dataset),"
                    + " train+other (both)", TRAIN, OTHER, BOTH).defaultsTo(TRAIN);
    static final SettingKey<String> DATASET = SettingKey.component("embedding.pretrain.dataset", ComponentKind.DATASET,
            "with embedding.pretrain.corpus other or train+other: the dataset whose training split (with its default"
                    + " options, split by the variant's seed) skip-gram also reads, e.g. shakespeare-words");
    static final SettingKey<Integer> EPOCHS = SettingKey.integer("embedding.pretrain.epochs",
            "with embedding.init=skipgram, passes of skip-gram over its text (word2vec's default 5)")
            .defaultsTo(5).checked(SettingCheck.between(1, 1000));

    static final SettingsSchema SCHEMA = SettingsSchema.of("embedding.init=skipgram", CORPUS, DATASET, EPOCHS);

    private static final int WINDOW = 5;
    private static final int NEGATIVES = 5;
    private static final double SAMPLE = 1e-3;
    private static final double RATE = 0.025;
    /** Mixed into the variant's seed for pretraining's own stream ("SKIPGRAM" in ASCII). */
    private static final long STREAM = 0x534b49504752414dL;

    private SkipGramPretraining() {}

    /**
     * The vectors skip-gram learned for the words of {@code vocabulary} its text holds (most frequent first)
     * and a line saying what was pretrained, e.g. {@code skipgram on train of sentiment (41,315 words), 5 epochs,
     * 1.2 s}.
     */
    record Pretrained(WordVectors vectors, String description) {}

    /** Problems of the {@code embedding.pretrain.*} keys with the other settings, before any run folder exists. */
    static List<String> problems(Settings settings) {
        boolean asked = INIT.equals(SequenceModelSettings.EMBEDDING_INIT.find(settings).getOrNull());
        List<String> out = new ArrayList<>();
        for (SettingKey<?> key : List.of(CORPUS, DATASET, EPOCHS)) {
            if (!asked && key.given(settings).isDefined()) {
                out.add("setting '" + key.name() + "' is read only with embedding.init=" + INIT);
            }
        }
        if (asked && !settings.get(CORPUS).equals(TRAIN) && DATASET.find(settings).isEmpty()) {
            out.add("setting 'embedding.pretrain.corpus' is '" + settings.get(CORPUS)
                    + "' but setting 'embedding.pretrain.dataset' names no dataset");
        }
        return out;
    }

    /** Trains skip-gram for a new model of {@code data}'s vocabulary; {@code dimension} is the embedding's. */
    static Pretrained train(Settings settings, EncodedData data, ComponentRegistry registry, long seed, int dimension) {
        String corpus = settings.get(CORPUS);
        Tokenizer tokenizer = data.tokenizer();
        Vocabulary vocabulary = data.vocabulary();
        List<int[]> sentences = new ArrayList<>();
        List<String> read = new ArrayList<>();
        if (!corpus.equals(OTHER)) {
            sentences.addAll(encode(data.dataset().trainingTexts(), tokenizer, vocabulary));
            read.add("train of " + data.dataset().id());
        }
        if (!corpus.equals(TRAIN)) {
            String id = DATASET.find(settings).getOrElseThrow(() -> new ConfigException(
                    "setting 'embedding.pretrain.corpus' is '" + corpus + "' but setting 'embedding.pretrain.dataset'"
                            + " names no dataset"));
            DatasetProvider provider = registry.get(ComponentKind.DATASET, id);
            Dataset other = provider.load(provider.checkOptions(Settings.of(Map.of())), seed);
            sentences.addAll(encode(other.trainingTexts(), tokenizer, vocabulary));
            read.add("train of " + id);
        }
        long[] counts = new long[vocabulary.size()];
        long words = 0;
        for (int[] s : sentences) {
            for (int id : s) {
                counts[id]++;
            }
            words += s.length;
        }
        if (words == 0) {
            throw new ConfigException("setting 'embedding.init' is " + INIT + " but " + String.join(" and ", read)
                    + " hold no word of the vocabulary");
        }
        int epochs = settings.get(EPOCHS);
        Word2VecTaskModel model = Word2VecTaskModel.create(vocabulary.tokens(), counts, dimension,
                Word2VecSgd.Architecture.SKIP_GRAM, WINDOW, NEGATIVES, SAMPLE,
                new LinearDecay(RATE, Math.multiplyExact(words, (long) epochs)), seed ^ STREAM, 1, "");
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int[] s : sentences) {
                model.read(s);
            }
        }
        WordVectors vectors = model.vectors();
        // no wall time here: the description goes into the event log, which is the same bits for the same seed
        String description = String.format(Locale.ROOT, "%s on %s (%,d words), %d epochs", INIT,
                String.join(" + ", read), words, epochs);
        return new Pretrained(vectors, description);
    }

    /** Each text's ids in the vocabulary, the specials ({@code <unk>} for words outside it) removed. */
    private static List<int[]> encode(List<String> texts, Tokenizer tokenizer, Vocabulary vocabulary) {
        int specials = Vocabulary.SPECIALS.size();
        List<int[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            int[] ids = java.util.Arrays.stream(tokenizer.sequenceIds(text, vocabulary)).filter(id -> id >= specials).toArray();
            if (ids.length > 0) {
                out.add(ids);
            }
        }
        return out;
    }
}
