package org.rnnlab.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.PianoRoll;

/**
 * The 382 Bach chorales of Boulanger-Lewandowski, Vincent and Bengio (ICML 2012) at quarter-note steps,
 * in their standard split of 229 training, 76 validation and 77 test chorales, as shipped in
 * {@code jsb-chorales-quarter.json} (see SOURCES.md). The split is the file's own, so it does not depend
 * on a seed: results stay comparable with the papers'.
 *
 * <p>The file is a JSON object {@code {"train": [...], "valid": [...], "test": [...]}}; a chorale is a
 * list of steps and a step the list of sounding MIDI note numbers (43-96 here; an empty list is a rest).
 */
public final class JsbChorales {
    static final String FILE = "jsb-chorales-quarter.json";

    private JsbChorales() {}

    /** Reads the shipped file. */
    public static PianoRollSplits load() {
        return parse(SourceText.resource(FILE));
    }

    static PianoRollSplits parse(SourceText source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(source.text());
        } catch (JsonProcessingException e) {
            throw new RnnlabException(source.name() + " is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new RnnlabException(source.name() + " must hold a JSON object with the lists train, valid and test");
        }
        Map<String, String> provenance = new TreeMap<>();
        provenance.put("source", source.name());
        provenance.put("sha256." + source.name(), source.sha256());
        provenance.put("split", "Boulanger-Lewandowski et al. 2012 (train/valid/test of the file)");
        List<PianoRoll> train = split(root, "train", source.name());
        List<PianoRoll> validation = split(root, "valid", source.name());
        List<PianoRoll> test = split(root, "test", source.name());
        provenance.put("train.size", Integer.toString(train.size()));
        provenance.put("validation.size", Integer.toString(validation.size()));
        provenance.put("test.size", Integer.toString(test.size()));
        provenance.put("train.steps", Integer.toString(PianoRollSplits.steps(train)));
        return new PianoRollSplits(train, validation, test, provenance);
    }

    private static List<PianoRoll> split(JsonNode root, String name, String file) {
        JsonNode chorales = root.get(name);
        if (chorales == null || !chorales.isArray()) {
            throw new RnnlabException(file + " has no list '" + name + "' of chorales");
        }
        List<PianoRoll> rolls = new ArrayList<>(chorales.size());
        for (int c = 0; c < chorales.size(); c++) {
            String where = file + ", " + name + " chorale " + c;
            JsonNode steps = chorales.get(c);
            if (!steps.isArray() || steps.isEmpty()) {
                throw new RnnlabException(where + ": expected a non-empty list of steps");
            }
            int[][] notes = new int[steps.size()][];
            for (int t = 0; t < steps.size(); t++) {
                JsonNode step = steps.get(t);
                if (!step.isArray()) {
                    throw new RnnlabException(where + ", step " + t + ": expected a list of MIDI note numbers, got " + step);
                }
                notes[t] = new int[step.size()];
                for (int i = 0; i < step.size(); i++) {
                    JsonNode n = step.get(i);
                    if (!n.isIntegralNumber() || n.asInt() < PianoRoll.LOWEST_KEY
                            || n.asInt() >= PianoRoll.LOWEST_KEY + PianoRoll.KEYS) {
                        throw new RnnlabException(where + ", step " + t + ": " + n + " is not a piano key (MIDI 21-108)");
                    }
                    notes[t][i] = n.asInt();
                }
            }
            try {
                rolls.add(new PianoRoll(notes, 1));
            } catch (IllegalArgumentException e) {
                throw new RnnlabException(where + ": " + e.getMessage());
            }
        }
        return rolls;
    }
}
