package org.rnnlab.experiments.lessons;

import java.util.List;
import java.util.Map;
import org.rnnlab.api.experiment.Alternative;
import org.rnnlab.api.experiment.Experiment;

/** The {@code music} lesson: polyphonic music modelling on the JSB chorales, against a published table. */
final class MusicLesson {
    private MusicLesson() {}

    /**
     * Sizes of about 20,000 parameters each, as Chung et al. 2014 compared their units (input and head
     * included, PyTorch's two biases): rnn 80 units 20,728; gru 42 units 20,416; lstm 34 units 19,944.
     * One chorale per Adam step at 1e-3 and clip 5, as the PyTorch peer (jsb_nll.py). Measured with the
     * engine (2026-12-01, 120 epochs, one seed): best validation at epoch 32 for the rnn (test 8.63), 68 for
     * the gru (8.59), 80 for the lstm (8.52); each overfits afterwards, the rnn fastest, so training stops
     * 10 epochs after the best validation NLL. About 0.25 s of CPU per epoch per cell.
     */
    static Lesson music() {
        return new Lesson(Experiment.named("music")
                .description("Polyphonic music on the JSB chorales: tanh rnn vs lstm vs gru of about 20,000 parameters each")
                .lesson("Each step of a chorale is the set of piano keys that sound; the model predicts the next set,"
                        + " one sigmoid per key. The figure of the papers is the test negative log-likelihood per time"
                        + " step (nats, lower is better): Chung et al. 2014 (Table 2) report 8.54 for the GRU with tanh"
                        + " and LSTM units close to it; Boulanger-Lewandowski et al. 2012 report 8.71 for a plain RNN."
                        + " The tanh rnn learns fastest and overfits first; the gated cells need more epochs and end"
                        + " at or below it. Frame F1 counts the keys predicted above probability 0.5."
                        + "\n\nThe samples are chorales drawn step by step from each model (MIDI note numbers joined by"
                        + " dots, - for a rest): press play under a piano roll to hear one, or open the MIDI files in"
                        + " each variant's samples folder. model.parameters is each model's size, as the paper's table"
                        + " lists it.")
                .dataset("jsb-chorales")
                .embedding(0).learningRate(1e-3).epochs(100).batchSize(1).clip(5)
                .set("early_stopping.patience", 10)
                .set("samples", 2).set("sample_length", 32).set("temperature", 1.0)
                .vary("cell", List.of(
                        Alternative.of("rnn", Map.of("cell", "rnn", "hidden", "80")),
                        Alternative.of("lstm", Map.of("cell", "lstm", "hidden", "34")),
                        Alternative.of("gru", Map.of("cell", "gru", "hidden", "42"))))
                .quick(Map.of("epochs", "60"))
                .claims(LessonClaims.music())
                .build());
    }
}
