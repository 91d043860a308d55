package org.rnnlab.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
    @Test
    void escapesEveryCharacterThatCouldStartMarkupOrEndAnAttribute() {
        assertThat(HtmlText.escape("<img src=x onerror=\"alert('1')\"> & </script>"))
                .isEqualTo("&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; &lt;/script&gt;");
        assertThat(HtmlText.escape(null)).isEmpty();
        assertThat(HtmlText.escape("plain text, ünïcode ✓")).isEqualTo("plain text, ünïcode ✓");
    }
}
