package org.rnnlab.reporting.console;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.rnnlab.api.event.BatchCompleted;
import org.rnnlab.api.event.EpochCompleted;

/**
 * One variant's progress bar, counted in batches over all epochs (the number of batches is learned from
 * the first batch) so that the bar's ETA moves smoothly; the message shows the epoch and the loss.
 */
final class VariantProgress {
    private static final int NAME_WIDTH = 28;
    /** Messages are padded to one width: a shorter line redrawn over a longer one would leave its tail behind. */
    private static final int MESSAGE_WIDTH = 34;

    private final ProgressBar bar;
    private final int epochs;
    private int batches;
    private int epochsDone;
    private double smoothedLoss = Double.NaN;
    private String lastEpoch = "";

    VariantProgress(String variant, int epochs) {
        this.epochs = Math.max(1, epochs);
        String name = variant.length() <= NAME_WIDTH ? variant : variant.substring(0, NAME_WIDTH - 1) + "…";
        this.bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(this.epochs)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250).build();
        message("epoch 1/" + this.epochs);
    }

    void batch(BatchCompleted e) {
        if (batches == 0 && e.batches() > 0) {
            batches = e.batches();
            bar.maxHint((long) epochs * batches);
        }
        // a running mean over recent batches: one batch's loss jumps too much to read
        smoothedLoss = Double.isNaN(smoothedLoss) ? e.loss() : 0.9 * smoothedLoss + 0.1 * e.loss();
        if (batches > 0) {
            bar.stepTo((long) epochsDone * batches + Math.min(e.batch() + 1, batches));
        }
        message(String.format(Locale.ROOT, "epoch %d/%d loss %.4f%s", Math.min(epochsDone + 1, epochs), epochs,
                smoothedLoss, lastEpoch));
    }

    void epoch(EpochCompleted e) {
        epochsDone++;
        bar.stepTo(batches > 0 ? (long) epochsDone * batches : epochsDone);
        Double val = e.metrics().get("val.loss");
        lastEpoch = val == null ? "" : String.format(Locale.ROOT, ", val %.4f", val);
    }

    /** Ends the bar with the run's outcome as its message ("completed", "DIVERGED"). */
    void close(String outcome) {
        message(outcome);
        bar.close();
    }

    private void message(String text) {
        bar.setExtraMessage(text.length() >= MESSAGE_WIDTH ? text : text + " ".repeat(MESSAGE_WIDTH - text.length()));
    }
}
