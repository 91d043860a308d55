import org.rnnlab.cells.CellsPlugin;

/**
 * The built-in recurrent cells: {@code rnn} (tanh or relu), {@code irnn} (relu with identity
 * initialisation), {@code lstm}, {@code gru} (reset-after and reset-before) and {@code dense} (no
 * recurrence), each with a composed step and a fused sequence kernel.
 */
module org.rnnlab.cells {
    requires org.rnnlab.api;
    requires org.rnnlab.model;

    provides org.rnnlab.api.Plugin with CellsPlugin;

    opens org.rnnlab.cells to com.google.guice;
}
