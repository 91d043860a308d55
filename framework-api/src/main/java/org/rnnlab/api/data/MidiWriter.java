package org.rnnlab.api.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.rnnlab.api.RnnlabException;

/**
 * Writes a {@link PianoRoll} as a standard MIDI file (type 0, one track, channel 1) with
 * {@code javax.sound.midi}: each {@link PianoRoll.Note} becomes a note-on and a note-off, the tempo is
 * set in quarter notes per minute, and the end-of-track falls at the roll's last step, so trailing rests
 * survive. The datasets' MIDI reader on the same grid reads back the same roll. This is the file form of a
 * roll, as {@link Vocabulary} has one: what rnnlab writes for music (sampled chorales, {@code lab generate --midi}).
 */
public final class MidiWriter {
    /** Ticks per grid step; the file's resolution is this times the roll's steps per quarter note. */
    public static final int TICKS_PER_STEP = 240;
    private static final int CHURCH_ORGAN = 19;
    private static final int VELOCITY = 80;

    private final int quartersPerMinute;

    /** A writer at this tempo (quarter notes per minute, 20-400). */
    public MidiWriter(int quartersPerMinute) {
        if (quartersPerMinute < 20 || quartersPerMinute > 400) {
            throw new IllegalArgumentException("tempo must be 20-400 quarter notes per minute, got " + quartersPerMinute);
        }
        this.quartersPerMinute = quartersPerMinute;
    }

    /** The file's bytes; {@code title} becomes the track name. */
    public byte[] bytes(PianoRoll roll, String title) {
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, TICKS_PER_STEP * roll.stepsPerQuarter());
            Track track = sequence.createTrack();
            byte[] name = title.getBytes(StandardCharsets.US_ASCII);
            track.add(new MidiEvent(new MetaMessage(0x03, name, name.length), 0));
            int micros = 60_000_000 / quartersPerMinute;
            byte[] tempo = {(byte) (micros >> 16), (byte) (micros >> 8), (byte) micros};
            track.add(new MidiEvent(new MetaMessage(0x51, tempo, 3), 0));
            track.add(event(ShortMessage.PROGRAM_CHANGE, CHURCH_ORGAN, 0, 0));
            for (PianoRoll.Note n : roll.notes()) {
                track.add(event(ShortMessage.NOTE_ON, n.pitch(), VELOCITY, (long) n.start() * TICKS_PER_STEP));
                track.add(event(ShortMessage.NOTE_OFF, n.pitch(), 0, (long) (n.start() + n.steps()) * TICKS_PER_STEP));
            }
            // Track keeps one end-of-track; adding one later than it moves it there
            track.add(new MidiEvent(new MetaMessage(0x2F, new byte[0], 0), (long) roll.length() * TICKS_PER_STEP));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MidiSystem.write(sequence, 0, out);
            return out.toByteArray();
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("a note of a valid roll made an invalid MIDI message", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the file (replacing one that exists). */
    public void write(PianoRoll roll, String title, Path file) {
        try {
            Files.write(file, bytes(roll, title));
        } catch (IOException e) {
            throw new RnnlabException("cannot write MIDI file " + file.toAbsolutePath() + ": " + e, e);
        }
    }

    private static MidiEvent event(int command, int data1, int data2, long tick) throws InvalidMidiDataException {
        MidiMessage m = new ShortMessage(command, 0, data1, data2);
        return new MidiEvent(m, tick);
    }
}
