package org.rnnlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnnlab.api.RnnlabException;

class SafeFileNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"../x", "..", ".", "/etc/passwd", "a/b", "a\\b", "a\0b", "", "  ", "C:\\win", "~/home",
            "con", "x/../../y", "....", "$(rm -rf)", "name with spaces", "ünïcödé"})
    void everyNameBecomesOneSegmentInsideItsFolder(String name, @TempDir Path folder) {
        String segment = SafeFileNames.of(name);

        assertThat(segment).isNotEmpty().doesNotContain("/", "\\", "\0").doesNotStartWith(".");
        assertThat(SafeFileNames.inside(folder, segment).getParent()).isEqualTo(folder.toAbsolutePath().normalize());
    }

    @Test
    void plainNamesStayReadable() {
        assertThat(SafeFileNames.of("lstm-h64")).isEqualTo("lstm-h64");
        assertThat(SafeFileNames.of("cell=gru,hidden=128")).isEqualTo("cell=gru,hidden=128");
        assertThat(SafeFileNames.of("../x")).isEqualTo("_x");
        assertThat(SafeFileNames.of("con")).isEqualTo("_con");
        assertThat(SafeFileNames.of("x".repeat(300))).hasSize(100);
    }

    @Test
    void namesThatCollideAfterCleaningAreMadeDistinct() {
        assertThat(SafeFileNames.distinct(List.of("a/b", "a\\b", "A_B", "c")))
                .containsExactly("a_b", "a_b-2", "A_B-3", "c");
    }

    @Test
    void insideRefusesAnythingButASafeSegment(@TempDir Path folder) {
        assertThatThrownBy(() -> SafeFileNames.inside(folder, "../x")).isInstanceOf(RnnlabException.class);
        assertThatThrownBy(() -> SafeFileNames.inside(folder, "a/b")).isInstanceOf(RnnlabException.class);
    }
}
