package org.rnnlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.experiment.FileNames;

class DistinctFileNamesTest {

    @Test
    void namesThatCollideAfterCleaningAreMadeDistinct() {
        assertThat(DistinctFileNames.of(List.of("a/b", "a\\b", "A_B", "c", "")))
                .containsExactly("a_b", "a_b-2", "A_B-3", "c", "unnamed");
    }

    @Test
    void longNamesKeepTheirSuffixAndStayInsideTheFolder(@TempDir Path folder) {
        String longName = "x".repeat(300);

        List<String> names = DistinctFileNames.of(List.of(longName, longName));

        assertThat(names.get(1)).endsWith("-2");
        assertThat(FileNames.inside(folder, names.get(1)).getFileName()).hasToString(names.get(1));
        assertThat(FileNames.inside(folder, names.get(0))).isNotEqualTo(FileNames.inside(folder, names.get(1)));
    }

    @Test
    void hostileNamesBecomeOneSegmentEach(@TempDir Path folder) {
        List<String> hostile = List.of("../x", "..", ".", "/etc/passwd", "a/b", "a\0b", "", "C:\\win", "x/../../y");

        for (String name : DistinctFileNames.of(hostile)) {
            assertThat(FileNames.inside(folder, name).getParent()).isEqualTo(folder.toAbsolutePath().normalize());
            assertThat(name).doesNotContain("/", "\\", "\0").doesNotStartWith(".");
        }
    }
}
