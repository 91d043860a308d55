package org.rnnlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.RnnlabException;

class WordVectorsTest {
    @TempDir
    Path dir;

    @Test
    void writtenAndReadBackTheVectorsAreIdentical() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        float[] values = new float[3 * 7];
        for (int i = 0; i < values.length; i++) {
            // gaussians, tiny and huge magnitudes, and the floats next to 1: every one must come back bit for bit
            values[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-30, 30)));
        }
        values[0] = Math.nextUp(1f);
        values[1] = -0f;
        WordVectors vectors = new WordVectors(List.of("king", "queen", "l’été"), values, 7);
        Path file = dir.resolve("v.txt");
        vectors.write(file);
        WordVectors back = WordVectors.read(file);
        assertThat(back.words()).containsExactly("king", "queen", "l’été");
        assertThat(back.dimension()).isEqualTo(7);
        for (int i = 0; i < values.length; i++) {
            assertThat(Float.floatToRawIntBits(back.vectors()[i])).as("value %d", i)
                    .isEqualTo(Float.floatToRawIntBits(values[i]));
        }
        assertThat(Files.readAllLines(file).getFirst()).isEqualTo("3 7");
    }

    @Test
    void readsWhatGensimWrites() throws Exception {
        // KeyedVectors.save_word2vec_format(binary=False) writes "%s %s" of numpy's repr: no sign padding, any
        // precision, a trailing space before the line break in older versions
        Path file = write("2 3\nthe 0.418 0.24968 -0.41242 \n, 0.013441 0.23682 -0.16899\n");
        WordVectors v = WordVectors.read(file);
        assertThat(v.words()).containsExactly("the", ",");
        assertThat(v.vector(1)).containsExactly(0.013441f, 0.23682f, -0.16899f);
    }

    @Test
    void aWrongDimensionIsRefusedNamingTheLine() throws Exception {
        Path file = write("3 2\na 1 2\nb 1 2 3\nc 1 2\n");
        assertThatThrownBy(() -> WordVectors.read(file)).isInstanceOf(RnnlabException.class)
                .hasMessage(file + " line 3: 'b' has 3 values but the header says 2");
    }

    @Test
    void aValueThatIsNotANumberIsRefusedNamingTheLine() throws Exception {
        Path file = write("2 2\na 1 2\nb 1 x2\n");
        assertThatThrownBy(() -> WordVectors.read(file)).isInstanceOf(RnnlabException.class)
                .hasMessage(file + " line 3: value 2 of 'b' is 'x2', not a finite number");
        Path nan = write("1 2\na NaN 2\n");
        assertThatThrownBy(() -> WordVectors.read(nan)).hasMessageContaining("line 2: value 1 of 'a' is 'NaN'");
    }

    @Test
    void aHeaderThatLiesAboutTheCountIsRefused() throws Exception {
        Path fewer = write("4 2\na 1 2\nb 1 2\n");
        assertThatThrownBy(() -> WordVectors.read(fewer)).isInstanceOf(RnnlabException.class)
                .hasMessage(fewer + ": the header (line 1) says 4 words but the file holds 2");
        Path more = write("1 2\na 1 2\nb 1 2\n");
        assertThatThrownBy(() -> WordVectors.read(more)).isInstanceOf(RnnlabException.class)
                .hasMessage(more + " line 3: a word beyond the 1 the header announces");
    }

    @Test
    void aHeaderThatAnnouncesAHugeCountIsRefusedWithoutAllocatingIt() throws Exception {
        // 2e9 words of dimension 300 would be 2.4 TB: the reader must find the lie, not try to make room for it
        Path huge = write("2000000000 300\na" + " 1".repeat(300) + "\n");
        assertThatThrownBy(() -> WordVectors.read(huge)).isInstanceOf(RnnlabException.class)
                .hasMessage(huge + ": the header (line 1) says 2000000000 words but the file holds 1");
    }

    @Test
    void aMissingHeaderOrARepeatedWordIsRefused() throws Exception {
        Path noHeader = write("a 1 2\n");
        assertThatThrownBy(() -> WordVectors.read(noHeader)).hasMessageStartingWith(noHeader + " line 1: expected the"
                + " word2vec header");
        Path empty = write("");
        assertThatThrownBy(() -> WordVectors.read(empty)).hasMessageContaining("an empty file");
        Path twice = write("2 1\na 1\na 2\n");
        assertThatThrownBy(() -> WordVectors.read(twice)).hasMessage(twice + " line 3: 'a' again (first on line 2)");
    }

    @Test
    void aWordWithWhiteSpaceCannotBeWritten() {
        assertThatThrownBy(() -> new WordVectors(List.of("a b"), new float[] {1f}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a b'");
    }

    private Path write(String text) throws Exception {
        Path file = Files.createTempFile(dir, "vectors", ".txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
