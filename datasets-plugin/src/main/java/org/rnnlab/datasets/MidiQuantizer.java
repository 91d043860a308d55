package org.rnnlab.datasets;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.PianoRoll;

/**
 * Reads a standard MIDI file (type 0 or 1, ticks per quarter note) onto a grid of steps with
 * {@code javax.sound.midi}. A note from tick {@code on} to tick {@code off} sounds in the steps
 * {@code [round(on / s), round(off / s))}, {@code s} the ticks per step, and in at least one step, so short
 * notes are not lost; every channel but the percussion channel (10) counts, tempo changes do not (the
 * grid is in beats). The roll lasts until the last note or the file's end-of-track, whichever is later.
 *
 * <p>A file that cannot be read whole is refused with a message naming it: not a MIDI file, truncated,
 * no tracks, timed in SMPTE frames instead of beats, no notes, or a note off the 88-key piano.
 */
public final class MidiQuantizer {
    private static final int PERCUSSION_CHANNEL = 9;
    private static final int MTHD = 0x4D546864;
    private static final int MTRK = 0x4D54726B;

    private final int stepsPerQuarter;

    /** A reader onto a grid of {@code stepsPerQuarter} steps per quarter note (1 = quarters, 4 = sixteenths). */
    public MidiQuantizer(int stepsPerQuarter) {
        if (stepsPerQuarter < 1) {
            throw new IllegalArgumentException("steps per quarter note must be at least 1, got " + stepsPerQuarter);
        }
        this.stepsPerQuarter = stepsPerQuarter;
    }

    /** Reads a file. */
    public PianoRoll read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RnnlabException("MIDI file not found: " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new RnnlabException("cannot read MIDI file " + file.toAbsolutePath() + ": " + e, e);
        }
        return read(file.toString(), bytes);
    }

    /** Reads a file's bytes; {@code name} is how messages name it. */
    public PianoRoll read(String name, byte[] bytes) {
        Sequence sequence = sequence(name, bytes);
        if (sequence.getDivisionType() != Sequence.PPQ) {
            throw new RnnlabException(name + " is timed in SMPTE frames; only files timed in ticks per quarter note"
                    + " can be put on a grid of beats");
        }
        Track[] tracks = sequence.getTracks();
        double ticksPerStep = (double) sequence.getResolution() / stepsPerQuarter;
        List<long[]> notes = new ArrayList<>();
        for (int t = 0; t < tracks.length; t++) {
            notes.addAll(notesOf(tracks[t], name, t));
        }
        if (notes.isEmpty()) {
            throw new RnnlabException(name + " holds no notes (percussion on channel 10 is not read)");
        }
        int length = (int) Math.round(sequence.getTickLength() / ticksPerStep);
        List<int[]> spans = new ArrayList<>(notes.size());
        for (long[] n : notes) {
            int start = (int) Math.round(n[1] / ticksPerStep);
            int end = Math.max(start + 1, (int) Math.round(n[2] / ticksPerStep));
            spans.add(new int[] {(int) n[0], start, end});
            length = Math.max(length, end);
        }
        List<TreeSet<Integer>> steps = new ArrayList<>(length);
        for (int t = 0; t < length; t++) {
            steps.add(new TreeSet<>());
        }
        for (int[] s : spans) {
            for (int t = s[1]; t < s[2]; t++) {
                steps.get(t).add(s[0]);
            }
        }
        int[][] roll = new int[length][];
        for (int t = 0; t < length; t++) {
            roll[t] = steps.get(t).stream().mapToInt(Integer::intValue).toArray();
        }
        return new PianoRoll(roll, stepsPerQuarter);
    }

    private static Sequence sequence(String name, byte[] bytes) {
        checkChunks(name, bytes);
        try {
            return MidiSystem.getSequence(new ByteArrayInputStream(bytes));
        } catch (EOFException e) {
            throw new RnnlabException(name + " is a malformed MIDI file: a track's events end before its data does");
        } catch (InvalidMidiDataException e) {
            throw new RnnlabException(name + " is not a standard MIDI file: " + e.getMessage());
        } catch (IOException e) {
            throw new RnnlabException("cannot read MIDI file " + name + ": " + e, e);
        }
    }

    /**
     * Checks the chunk layout before {@link MidiSystem} parses the file, because it reads a file cut short
     * inside or before a track as one with fewer tracks, without a word.
     */
    private static void checkChunks(String name, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length < 14 || b.getInt(0) != MTHD) {
            throw new RnnlabException(name + " is not a standard MIDI file: it does not start with an MThd header"
                    + " (" + bytes.length + " bytes)");
        }
        long headerLength = b.getInt(4) & 0xFFFFFFFFL;
        int declared = b.getShort(10) & 0xFFFF;
        if (declared == 0) {
            throw new RnnlabException(name + " is a MIDI file with zero tracks: no notes to read");
        }
        long at = 8 + headerLength;
        int tracks = 0;
        while (at < bytes.length) {
            if (at + 8 > bytes.length) {
                throw new RnnlabException(name + " is truncated: it ends inside the header of chunk " + (tracks + 1)
                        + " at byte " + at);
            }
            long length = b.getInt((int) at + 4) & 0xFFFFFFFFL;
            boolean track = b.getInt((int) at) == MTRK;
            if (at + 8 + length > bytes.length) {
                throw new RnnlabException(name + " is truncated: chunk " + (tracks + 1) + " at byte " + at + " declares "
                        + length + " bytes but the file ends after " + (bytes.length - at - 8));
            }
            tracks += track ? 1 : 0;
            at += 8 + length;
        }
        if (tracks < declared) {
            throw new RnnlabException(name + " is truncated: its header declares " + declared + " tracks but it holds "
                    + tracks);
        }
    }

    /** {@code (pitch, onTick, offTick)} of every pitched note of a track; a note left sounding ends at the track's end. */
    private static List<long[]> notesOf(Track track, String name, int index) {
        List<long[]> notes = new ArrayList<>();
        Map<Integer, Long> sounding = new HashMap<>();
        for (int i = 0; i < track.size(); i++) {
            MidiEvent event = track.get(i);
            if (!(event.getMessage() instanceof ShortMessage m) || m.getChannel() == PERCUSSION_CHANNEL) {
                continue;
            }
            boolean on = m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0;
            boolean off = m.getCommand() == ShortMessage.NOTE_OFF
                    || (m.getCommand() == ShortMessage.NOTE_ON && m.getData2() == 0);
            if (!on && !off) {
                continue;
            }
            int pitch = m.getData1();
            if (on && (pitch < PianoRoll.LOWEST_KEY || pitch >= PianoRoll.LOWEST_KEY + PianoRoll.KEYS)) {
                throw new RnnlabException(name + ", track " + index + ", tick " + event.getTick() + ": note " + pitch
                        + " is outside the 88 piano keys (MIDI 21-108)");
            }
            int key = m.getChannel() << 8 | pitch;
            Long started = sounding.remove(key);
            if (started != null) {
                // a note struck again before its note-off ends the first one here
                notes.add(new long[] {pitch, started, event.getTick()});
            }
            if (on) {
                sounding.put(key, event.getTick());
            }
        }
        long end = track.ticks();
        sounding.forEach((key, start) -> notes.add(new long[] {key & 0xFF, start, end}));
        return notes;
    }
}
