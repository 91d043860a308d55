package org.rnnlab.trainers;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.api.data.EncodedInput;
import org.rnnlab.api.data.PaddedIds;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.data.TokenIds;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.task.TokenTagger;
import org.rnnlab.model.ModelBatch;
import org.rnnlab.model.ModelInput;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.Targets;

/**
 * A trained tagging model put to use: the tokens of a text with their predicted tags, and test lines
 * written with the predictions and their errors marked (what a tagging report shows as samples).
 *
 * @param tags the tag names by class id
 */
record Tagger(SequenceModel model, Tokenizer tokenizer, Vocabulary vocabulary, List<String> tags) {

    /** The text's tokens, each with its predicted tag; empty for a text without tokens. */
    List<TokenTagger.TaggedToken> tag(String text) {
        List<String> tokens = tokenizer.tokens(text);
        if (tokens.isEmpty()) {
            return List.of();
        }
        int[] predicted = predict(text);
        List<TokenTagger.TaggedToken> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            out.add(new TokenTagger.TaggedToken(tokens.get(i), tags.get(predicted[i])));
        }
        return out;
    }

    /**
     * A tagged example written with the predictions: for the word-boundary tags ({@code none}, {@code space})
     * the characters with the predicted spaces ({@link SpacedLine}); otherwise {@code token/TAG} per token,
     * a wrong one as {@code token/PREDICTED(true TRUE)}.
     */
    String render(TextExample example) {
        List<String> tokens = tokenizer.tokens(example.text());
        int[] predicted = predict(example.text());
        if (tags.equals(List.of("none", "space"))) {
            boolean[] actual = new boolean[tokens.size()];
            boolean[] guessed = new boolean[tokens.size()];
            for (int i = 0; i < tokens.size(); i++) {
                actual[i] = example.tags().get(i).equals("space");
                guessed[i] = tags.get(predicted[i]).equals("space");
            }
            return SpacedLine.render(tokens, actual, guessed);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            String guess = tags.get(predicted[i]);
            b.append(i == 0 ? "" : " ").append(tokens.get(i)).append('/').append(guess);
            if (!guess.equals(example.tags().get(i))) {
                b.append("(true ").append(example.tags().get(i)).append(')');
            }
        }
        return b.toString();
    }

    private int[] predict(String text) {
        EncodedInput in = tokenizer.encode(text, vocabulary);
        if (!(in instanceof TokenIds ids)) {
            throw new IllegalStateException("a tagger needs one token id per step, but the tokenizer gives " + in);
        }
        int[] none = new int[ids.ids().length];
        ModelBatch batch = new ModelBatch(new ModelInput.Ids(PaddedIds.timeMajor(List.of(ids.ids()))),
                new Targets.StepClasses(none));
        return model.evaluate(batch, List.of()).predicted();
    }
}
