package org.rnnlab.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    @Test
    void stringsCannotCloseTheScriptTheyAreEmbeddedIn() {
        String json = JsonText.of(List.of("</script><script>alert(1)</script>", "<!--", "a & b", "x\u2028y"));
        assertThat(json).doesNotContain("<", ">", "&", "\u2028");
        assertThat(json).isEqualTo("[\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\",\"\\u003c!--\","
                + "\"a \\u0026 b\",\"x\\u2028y\"]");
    }

    @Test
    void writesMapsListsNumbersAndEscapes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "say \"hi\"\\\n");
        m.put("n", 3);
        m.put("x", 0.5);
        m.put("nan", Double.NaN);
        m.put("inf", Double.POSITIVE_INFINITY);
        m.put("ok", true);
        m.put("none", null);
        m.put("list", List.of(1L, List.of()));
        assertThat(JsonText.of(m)).isEqualTo(
                "{\"name\":\"say \\\"hi\\\"\\\\\\n\",\"n\":3,\"x\":0.5,\"nan\":null,\"inf\":null,\"ok\":true,\"none\":null,\"list\":[1,[]]}");
    }
}
