package org.rnnlab.model.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.event.EmbeddingMap;
import org.rnnlab.api.task.WordEmbedding;
import org.rnnlab.engine.Tensor;

class WordMapsTest {
    /** The specials, then 300 words in three groups pointing along three axes, a little apart within each group. */
    static WordEmbedding groups(List<String> probes) {
        List<String> words = new ArrayList<>(List.of("<pad>", "<unk>", "<bos>", "<eos>"));
        int n = 300;
        float[] v = new float[(words.size() + n) * 3];
        for (int i = 0; i < n; i++) {
            int row = words.size();
            words.add("g" + (i % 3) + "w" + i);
            v[row * 3 + i % 3] = 1;
            v[row * 3 + (i % 3 + 1) % 3] = 0.01f * (i % 7);
        }
        Tensor table = Tensor.of(v, words.size(), 3);
        return new WordEmbedding() {
            @Override
            public String tableName() {
                return "embedding.weight";
            }

            @Override
            public List<String> embeddingWords() {
                return words;
            }

            @Override
            public Tensor embeddingTable() {
                return table;
            }

            @Override
            public List<String> probeWords() {
                return probes;
            }
        };
    }

    @Test
    void mapsTheMostFrequentWordsWithoutTheSpecialsAndListsEachProbesGroup() {
        EmbeddingMap map = WordMaps.of("x", "a", groups(List.of("g1w1", "nowhere", "<unk>")));
        assertThat(map.table()).isEqualTo("embedding.weight");
        assertThat(map.words()).hasSize(WordMaps.WORDS).startsWith("g0w0", "g1w1").doesNotContain("<pad>", "<unk>");
        assertThat(map.projections()).extracting(EmbeddingMap.Projection::method).containsExactly("pca", "cosine-mds");
        // probes the model does not know, and specials, are left out
        assertThat(map.probes()).extracting(EmbeddingMap.Probe::word).containsExactly("g1w1");
        assertThat(map.probes().getFirst().neighbours()).hasSize(WordMaps.NEIGHBOURS)
                .allSatisfy(n -> assertThat(n.word()).startsWith("g1"));
    }

    @Test
    void theGroupsLieApartOnBothMaps() {
        EmbeddingMap map = WordMaps.of("x", "a", groups(List.of()));
        for (EmbeddingMap.Projection p : map.projections()) {
            // every word is nearer to the centre of its own group than to any other group's
            double[][] centre = new double[3][2];
            int[] size = new int[3];
            for (int i = 0; i < map.words().size(); i++) {
                int g = map.words().get(i).charAt(1) - '0';
                centre[g][0] += p.x().get(i);
                centre[g][1] += p.y().get(i);
                size[g]++;
            }
            for (int g = 0; g < 3; g++) {
                centre[g][0] /= size[g];
                centre[g][1] /= size[g];
            }
            for (int i = 0; i < map.words().size(); i++) {
                int own = map.words().get(i).charAt(1) - '0';
                double x = p.x().get(i);
                double y = p.y().get(i);
                for (int g = 0; g < 3; g++) {
                    if (g != own) {
                        assertThat(Math.hypot(x - centre[own][0], y - centre[own][1])).as("%s on %s", map.words().get(i), p.method())
                                .isLessThan(Math.hypot(x - centre[g][0], y - centre[g][1]));
                    }
                }
            }
        }
        // with no probes named, a few mapped words spread over the ranks
        assertThat(map.probes()).hasSize(WordMaps.PROBES);
    }

    @Test
    void theSameTableGivesTheSameMap() {
        assertThat(WordMaps.of("x", "a", groups(List.of()))).isEqualTo(WordMaps.of("x", "a", groups(List.of())));
    }
}
