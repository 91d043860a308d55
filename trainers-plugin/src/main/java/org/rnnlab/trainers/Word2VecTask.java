package org.rnnlab.trainers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;
import org.rnnlab.api.task.ModelFile;
import org.rnnlab.api.task.ModelRequest;
import org.rnnlab.api.task.SampleRequest;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.api.task.TaskEvaluation;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.task.TokenizerUse;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.WordVectors;
import org.rnnlab.model.embedding.CosineNeighbours;
import org.rnnlab.model.embedding.LinearDecay;
import org.rnnlab.model.embedding.Word2VecSgd;

/**
 * {@code word2vec}: word vectors by skip-gram or CBOW with negative sampling (Mikolov et al. 2013), trained
 * as the reference C tool trains them (see {@link Word2VecTaskModel}) on the texts of any text dataset, read
 * by the {@code tokenizer} (default {@code word}). Named by {@code task=word2vec}: every dataset it reads has
 * another task that takes it first.
 *
 * <p>Metrics: {@code loss}, the mean negative-sampling loss per example of the split with the whole window, no
 * sub-sampling and negatives from a fixed seed; and, for a dataset that tags every word with its class
 * ({@code word-classes}), {@code purity}: neighbour class purity at {@code word2vec.neighbours} by cosine.
 * Samples: each probe word with its nearest neighbours. Beside the model file: the vocabulary and
 * {@value #VECTORS_FILE}, the word vectors of every word with a training count in the word2vec text format.
 */
final class Word2VecTask implements Task {
    static final String ID = "word2vec";
    static final String FORMAT = "rnnlab-word2vec/1";
    static final String VECTORS_FILE = "vectors.txt";
    static final String VOCABULARY_FILE = "vocabulary.txt";
    /** The seed of the held-out loss's negatives, fixed so that every epoch is scored alike. */
    private static final long EVALUATION_SEED = 0x776F72643276L;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "word vectors by skip-gram or CBOW with negative sampling (word2vec); held-out loss, neighbour class"
                + " purity, nearest neighbours, vectors in the word2vec text format";
    }

    @Override
    public SettingsSchema settings() {
        return Word2VecSettings.SCHEMA;
    }

    /** A text a language model reads by default gives word vectors only when asked for ({@code task=word2vec}). */
    @Override
    public boolean onlyWhenNamed() {
        return true;
    }

    @Override
    public boolean accepts(Dataset dataset) {
        return dataset.train().getFirst() instanceof TextExample && dataset.kind() != TaskKind.SEQUENCE_TO_SEQUENCE;
    }

    @Override
    public List<TokenizerUse> tokenizers(Dataset dataset) {
        return List.of(new TokenizerUse("tokenizer", "tokenizer", "word", dataset.trainingTexts()));
    }

    @Override
    public TaskData prepare(Dataset dataset, Map<String, FittedTokenizer> tokenizers) {
        return new Word2VecData(dataset, tokenizers.get("tokenizer"));
    }

    @Override
    public TaskModel build(TaskData data, ModelRequest request) {
        Word2VecData d = (Word2VecData) data;
        Settings s = settings().requireValues(request.settings());
        d.apply(s);
        long words = d.trainingWords();
        if (words == 0) {
            throw new RnnlabException("word2vec: no training word is seen " + s.get(Word2VecSettings.MIN_COUNT)
                    + " times or more (word2vec.min_count)");
        }
        int epochs = RunSettings.EPOCHS.get(request.settings());
        Word2VecTaskModel model = Word2VecTaskModel.create(d.tokenizer().vocabulary().tokens(), d.counts(),
                s.get(Word2VecSettings.DIMENSION), architecture(s.get(Word2VecSettings.MODEL)),
                s.get(Word2VecSettings.WINDOW), s.get(Word2VecSettings.NEGATIVES), s.get(Word2VecSettings.SAMPLE),
                new LinearDecay(s.get(Word2VecSettings.LR), Math.multiplyExact(words, (long) epochs)), request.seed(),
                s.get(Word2VecSettings.NEIGHBOURS), s.get(Word2VecSettings.PROBES));
        d.built(model);
        return model;
    }

    static Word2VecSgd.Architecture architecture(String name) {
        return name.equals(Word2VecSettings.CBOW) ? Word2VecSgd.Architecture.CBOW : Word2VecSgd.Architecture.SKIP_GRAM;
    }

    @Override
    public TaskEvaluation evaluate(TaskModel model, TaskData data, String split, String prefix, int batchSize) {
        Word2VecData d = (Word2VecData) data;
        Word2VecTaskModel m = (Word2VecTaskModel) model;
        SplittableRandom negatives = new SplittableRandom(EVALUATION_SEED);
        double loss = 0;
        double examples = 0;
        for (int[] sentence : d.sentences(split)) {
            double[] l = m.heldOutLoss(sentence, negatives);
            loss += l[0];
            examples += l[1];
        }
        Map<String, Double> metrics = new TreeMap<>();
        metrics.put(prefix + ".loss", examples == 0 ? Double.NaN : loss / examples);
        if (d.classes() != null) {
            metrics.put(prefix + ".purity", new CosineNeighbours(m.input().data(), m.input().dim(1))
                    .purity(d.classes(), d.neighbours()));
        }
        return new TaskEvaluation(metrics, null);
    }

    /** Each probe word (up to {@code request.count()}) and its nearest neighbours: {@code king: queen 0.71, ...}. */
    @Override
    public List<String> samples(TaskModel model, SampleRequest request, RandomGenerator random) {
        Word2VecTaskModel m = (Word2VecTaskModel) model;
        List<String> out = new ArrayList<>();
        for (int probe : m.probes(request.count())) {
            out.add(m.neighboursText(probe));
        }
        return out;
    }

    @Override
    public Map<String, String> modelMetadata(TaskData data, TaskModel model) {
        Word2VecData d = (Word2VecData) data;
        Word2VecTaskModel m = (Word2VecTaskModel) model;
        Map<String, String> meta = new LinkedHashMap<>();
        Settings s = d.settings();
        meta.put(Word2VecSettings.MODEL.name(), s.get(Word2VecSettings.MODEL));
        meta.put(Word2VecSettings.DIMENSION.name(), Integer.toString(m.input().dim(1)));
        meta.put(Word2VecSettings.WINDOW.name(), Integer.toString(s.get(Word2VecSettings.WINDOW)));
        meta.put(Word2VecSettings.NEGATIVES.name(), Integer.toString(s.get(Word2VecSettings.NEGATIVES)));
        meta.put(Word2VecSettings.MIN_COUNT.name(), Integer.toString(s.get(Word2VecSettings.MIN_COUNT)));
        meta.put(Word2VecSettings.NEIGHBOURS.name(), Integer.toString(s.get(Word2VecSettings.NEIGHBOURS)));
        meta.put(Word2VecSettings.PROBES.name(), s.get(Word2VecSettings.PROBES));
        meta.put("vocabulary.size", Integer.toString(m.words().size()));
        meta.put("vectors.file", VECTORS_FILE);
        return meta;
    }

    @Override
    public void writeCompanions(TaskData data, Path folder) throws IOException {
        Word2VecData d = (Word2VecData) data;
        d.tokenizer().vocabulary().save(folder.resolve(VOCABULARY_FILE));
        Path vectors = folder.resolve(VECTORS_FILE);
        Path temporary = folder.resolve(VECTORS_FILE + ".tmp");
        d.model().vectors().write(temporary);
        Files.move(temporary, vectors, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public TaskModel rebuild(ModelFile file, ComponentRegistry registry) {
        Vocabulary vocabulary;
        WordVectors vectors;
        try {
            vocabulary = Vocabulary.load(file.companion(VOCABULARY_FILE));
            vectors = WordVectors.read(file.companion(VECTORS_FILE));
        } catch (IOException e) {
            throw new RnnlabException("cannot read the companions of " + file.path() + ": " + e.getMessage(), e);
        }
        Tensor input = file.tensors().get("input");
        Tensor output = file.tensors().get("output");
        if (input == null || output == null || input.rank() != 2 || !input.sameShape(output)
                || input.dim(0) != vocabulary.size()) {
            throw new RnnlabException(file.path() + ": a word2vec model holds tensors 'input' and 'output' of shape"
                    + " [" + vocabulary.size() + ", E] (the vocabulary beside it)");
        }
        long[] counts = new long[vocabulary.size()];
        for (int rank = 0; rank < vectors.words().size(); rank++) {
            String w = vectors.words().get(rank);
            if (!vocabulary.contains(w)) {
                throw new RnnlabException(file.companion(VECTORS_FILE) + ": '" + w + "' is not in " + VOCABULARY_FILE);
            }
            // the file lists words most frequent first: the rank keeps that order
            counts[vocabulary.id(w)] = vectors.words().size() - rank;
        }
        int neighbours = Integer.parseInt(file.metadata().getOrDefault(Word2VecSettings.NEIGHBOURS.name(), "5"));
        return Word2VecTaskModel.saved(vocabulary.tokens(), counts, input.copy(), output.copy(), neighbours,
                file.metadata().getOrDefault(Word2VecSettings.PROBES.name(), ""));
    }

    @Override
    public String modelFormat() {
        return FORMAT;
    }
}
