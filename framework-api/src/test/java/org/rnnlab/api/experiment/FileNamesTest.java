package org.rnnlab.api.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"../x", "../../etc/passwd", "/etc/passwd", "a/b", "a\u0000b", "..", ".", "",
            "C:\\windows", "~root", "名前", ".hidden", "lstm s1"})
    void everyNameStaysInsideItsFolder(String name) {
        Path folder = Path.of("/tmp/rnnlab-out").toAbsolutePath();
        Path p = FileNames.inside(folder, name);
        assertThat(p.getParent()).isEqualTo(folder);
        assertThat(p.getFileName().toString()).matches("[A-Za-z0-9][A-Za-z0-9._-]*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm_s1", "gru-reset-after_h64_s3", "rnn.tanh"})
    void ordinaryNamesAreKept(String name) {
        assertThat(FileNames.safe(name)).isEqualTo(name);
    }
}
