package org.rnnlab.api.cell;

import org.rnnlab.api.Component;

/**
 * Makes recurrent cells of one kind ({@code rnn}, {@code lstm}, ...). Every factory must provide a
 * unique id and must make cells that follow the {@link Cell} contract; the testkit's
 * {@code CellCompatibilityKit} checks that contract.
 *
 * @since 0.1
 */
public interface CellFactory extends Component {

    /**
     * A new cell for these sizes and options (the keys of {@link #settings()}); invalid options throw a
     * {@code ConfigException}. Never null.
     */
    Cell create(CellSpec spec);

    /**
     * The options of {@code spec} if {@link #settings()} accepts them, else a
     * {@link org.rnnlab.api.ConfigException} listing every problem, naming keys as {@code cell.KEY}. The
     * runtime has checked a run's settings before any training; this protects direct callers.
     */
    default org.rnnlab.api.experiment.Settings checkOptions(CellSpec spec) {
        return settings().require(org.rnnlab.api.experiment.Settings.of(spec.options()), "cell", "cell '" + id() + "'");
    }
}
