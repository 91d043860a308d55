package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.data.TokenIds;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;

class WhitespaceTokenizerTest {
    private final Tokenizer pieces = new WhitespaceTokenizerFactory().create(Settings.of(Map.of()));

    @Test
    void keepsEachGivenTokenWholeAndItsCase() {
        assertThat(pieces.tokens("The U.S. said 1996-08-22 : (ok)")).containsExactly("The", "U.S.", "said", "1996-08-22",
                ":", "(ok)");
        assertThat(pieces.tokens("  a\u00A0b\tc\n")).containsExactly("a", "b", "c");
        assertThat(pieces.tokens("   ")).isEmpty();
    }

    @Test
    void oneIdPerTokenSoTagsStayAligned() {
        Vocabulary v = pieces.fit(List.of("EU rejects German call ."));
        TokenIds ids = (TokenIds) pieces.encode("EU rejects U.K. call .", v);
        assertThat(ids.ids()).hasSize(5);
        assertThat(ids.ids()[2]).isEqualTo(Vocabulary.UNK);
        assertThat(pieces.join(pieces.tokens("EU rejects German"))).isEqualTo("EU rejects German");
    }

    @Test
    void lowercasesWhenAsked() {
        Tokenizer lower = new WhitespaceTokenizerFactory().create(Settings.of(Map.of("lowercase", "true")));
        assertThat(lower.tokens("EU Rejects")).containsExactly("eu", "rejects");
    }
}
