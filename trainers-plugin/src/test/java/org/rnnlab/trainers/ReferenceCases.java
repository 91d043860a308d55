package org.rnnlab.trainers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code pytorch-optimizer-reference.txt} (extracted from the shared PyTorch reference; see its header). */
final class ReferenceCases {
    record Entry(int[] shape, double[] values) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, double[]> hyper = new LinkedHashMap<>();

    ReferenceCases() throws IOException {
        try (InputStream in = ReferenceCases.class.getResourceAsStream("/pytorch-optimizer-reference.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ", 2);
                if (parts[0].endsWith(".hyper")) {
                    hyper.put(parts[0], parse(parts[1]));
                } else {
                    String[] sv = parts[1].split("\\|");
                    double[] shape = parse(sv[0]);
                    entries.put(parts[0], new Entry(Arrays.stream(shape).mapToInt(d -> (int) d).toArray(), parse(sv[1])));
                }
            }
        }
    }

    Entry get(String name) {
        return entries.get(name);
    }

    double[] hyper(String name) {
        return hyper.get(name);
    }

    private static double[] parse(String s) {
        return Arrays.stream(s.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }
}
