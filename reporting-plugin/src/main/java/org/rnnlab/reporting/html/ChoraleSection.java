package org.rnnlab.reporting.html;

import static org.rnnlab.reporting.html.HtmlText.escape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.reporting.model.ChoraleRecord;

/**
 * Chorales drawn as piano rolls, each with a play button. The notes are embedded in the page as JSON
 * ({@code #chorale-data}); {@code chorale-player.js} draws them on canvases and plays them with Web Audio
 * oscillators, so the page needs no sound font and fetches nothing. Each figure states its note count
 * ({@code data-notes}) for a reader of the DOM to compare with what the player scheduled.
 */
public final class ChoraleSection {
    /** The playing tempo, in quarter notes per minute (a calm chorale tempo, as the MIDI files use). */
    static final int QUARTERS_PER_MINUTE = 90;

    private ChoraleSection() {}

    /** The figures and their data; the page must also carry {@link PageAssets#CHORALE_PLAYER} and its style. */
    public static String of(List<ChoraleRecord> chorales) {
        StringBuilder h = new StringBuilder("<p class=\"explain\">Each row of a roll is a key (a faint band marks every C), "
                + "each column a step of the grid; thin lines mark every four quarter notes. Blue rolls come from the data, "
                + "orange ones were sampled by a model. ▶ plays a roll with simple synthesised tones, in the page.</p>"
                + "<div class=\"chorales\">");
        List<Object> data = new ArrayList<>();
        for (int i = 0; i < chorales.size(); i++) {
            ChoraleRecord c = chorales.get(i);
            String origin = c.origin() == ChoraleRecord.Origin.REAL ? "real" : "sampled";
            h.append("<figure class=\"chorale ").append(origin).append("\" data-index=\"").append(i).append("\" data-origin=\"")
                    .append(origin).append("\" data-notes=\"").append(c.notes().size()).append("\"><figcaption><button type=\"button\""
                            + " class=\"play\" data-index=\"").append(i).append("\" aria-label=\"play ").append(escape(c.label()))
                    .append("\">▶ play</button> <span class=\"chorale-label\">").append(escape(c.label())).append("</span> <span class=\"explain\">")
                    .append(origin).append(" · ").append(c.steps()).append(" steps · ").append(c.notes().size())
                    .append(" notes</span>");
            if (!c.file().isEmpty()) {
                h.append(" <a class=\"midi\" href=\"").append(escape(c.file())).append("\" download>MIDI file</a>");
            }
            h.append("</figcaption><div class=\"roll-wrap\"><canvas class=\"piano-roll\"></canvas>"
                            + "<div class=\"playhead\" hidden></div></div></figure>");
            data.add(json(c, origin));
        }
        h.append("</div>");
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("quartersPerMinute", QUARTERS_PER_MINUTE);
        all.put("chorales", data);
        return h.append("<script type=\"application/json\" id=\"chorale-data\">").append(JsonText.of(all)).append("</script>")
                .toString();
    }

    private static Map<String, Object> json(ChoraleRecord c, String origin) {
        List<Object> notes = new ArrayList<>(c.notes().size());
        for (ChoraleRecord.Note n : c.notes()) {
            notes.add(List.of(n.pitch(), n.start(), n.length()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("origin", origin);
        m.put("steps", c.steps());
        m.put("stepsPerQuarter", c.stepsPerQuarter());
        m.put("notes", notes);
        return m;
    }
}
