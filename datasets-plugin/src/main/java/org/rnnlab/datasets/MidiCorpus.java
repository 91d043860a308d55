package org.rnnlab.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.PianoRoll;

/**
 * A user's MIDI files as piano rolls: one file, or every {@code .mid}/{@code .midi} file of a folder
 * (not its subfolders), in name order. One bad file refuses the whole corpus, naming the file, so that a
 * corpus is never silently smaller than the folder.
 *
 * @param files      the files read, in order, as given (a folder's files under it)
 * @param rolls      one roll per file, in the same order
 * @param provenance {@code source} (the path given), {@code files}, {@code sha256.<file name>} per file,
 *                   {@code steps_per_quarter}
 */
public record MidiCorpus(List<Path> files, List<PianoRoll> rolls, Map<String, String> provenance) {
    public MidiCorpus {
        files = List.copyOf(files);
        rolls = List.copyOf(rolls);
        provenance = java.util.Collections.unmodifiableMap(new TreeMap<>(provenance));
    }

    /** Reads {@code path} (a file or a folder) onto the quantizer's grid. */
    public static MidiCorpus read(Path path, MidiQuantizer quantizer, int stepsPerQuarter) {
        List<Path> files = files(path);
        Map<String, String> provenance = new TreeMap<>();
        provenance.put("source", path.toString());
        provenance.put("files", Integer.toString(files.size()));
        provenance.put("steps_per_quarter", Integer.toString(stepsPerQuarter));
        List<PianoRoll> rolls = new ArrayList<>(files.size());
        for (Path f : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new RnnlabException("cannot read MIDI file " + f.toAbsolutePath() + ": " + e, e);
            }
            rolls.add(quantizer.read(f.toString(), bytes));
            provenance.put("sha256." + f.getFileName(), sha256(bytes));
        }
        return new MidiCorpus(files, rolls, provenance);
    }

    private static List<Path> files(Path path) {
        if (!Files.exists(path)) {
            throw new RnnlabException("MIDI file or folder not found: " + path.toAbsolutePath());
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(path)) {
            files = s.filter(Files::isRegularFile).filter(MidiCorpus::isMidiName).sorted().toList();
        } catch (NoSuchFileException e) {
            throw new RnnlabException("MIDI folder not found: " + path.toAbsolutePath());
        } catch (IOException e) {
            throw new RnnlabException("cannot list MIDI folder " + path.toAbsolutePath() + ": " + e, e);
        }
        if (files.isEmpty()) {
            throw new RnnlabException("MIDI folder " + path.toAbsolutePath() + " holds no .mid or .midi files");
        }
        return files;
    }

    private static boolean isMidiName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".mid") || n.endsWith(".midi");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
