package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.task.TokenTagger;
import org.rnnlab.model.ModelSpec;
import org.rnnlab.model.SequenceModel;

/** {@link Tagger} on models whose head always answers one tag (zero weights, one large bias). */
class TaggerTest {

    private static Tagger alwaysTagging(String tokenizerId, List<String> tags, int answer, String training) {
        Tokenizer tokenizer = new TestComponents().get(ComponentKind.TOKENIZER, tokenizerId).create(Settings.of(Map.of()));
        Vocabulary vocabulary = tokenizer.fit(List.of(training));
        ModelSpec spec = new ModelSpec(TaskKind.SEQUENCE_TAGGING, true, vocabulary.size(), 4, tags.size(), "gru", 5, 1,
                Map.of(), true, true);
        SequenceModel model = SequenceModel.create(new TestComponents().get(ComponentKind.CELL, "gru"), spec,
                new SplittableRandom(1));
        model.namedValues().get(SequenceModel.HEAD_WEIGHT).fill(0f);
        model.namedValues().get(SequenceModel.HEAD_BIAS).fill(0f).data()[answer] = 10f;
        return new Tagger(model, tokenizer, vocabulary, tags);
    }

    @Test
    void tagsEveryTokenOfAText() {
        Tagger t = alwaysTagging("whitespace", List.of("B-PER", "I-PER", "O"), 2, "Harry Potter said");
        assertThat(t.tag("Harry Potter said U.S.")).containsExactly(new TokenTagger.TaggedToken("Harry", "O"),
                new TokenTagger.TaggedToken("Potter", "O"), new TokenTagger.TaggedToken("said", "O"), new TokenTagger.TaggedToken("U.S.", "O"));
        assertThat(t.tag("   ")).isEmpty();
    }

    @Test
    void rendersWrongTagsWithTheTrueOnes() {
        Tagger t = alwaysTagging("whitespace", List.of("B-PER", "I-PER", "O"), 2, "Harry Potter said");
        assertThat(t.render(new TextExample("Harry Potter said", "", List.of("B-PER", "I-PER", "O"))))
                .isEqualTo("Harry/O(true B-PER) Potter/O(true I-PER) said/O");
    }

    @Test
    void rendersWordBoundariesAsSpacedText() {
        Tagger t = alwaysTagging("character", List.of("none", "space"), 1, "abc");
        // every character predicted to follow a space: right before b, wrong before a and c
        assertThat(t.render(new TextExample("abc", "", List.of("none", "space", "none")))).isEqualTo("_a b_c");
    }
}
