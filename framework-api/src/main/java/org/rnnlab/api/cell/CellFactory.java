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

    /** A new cell for these sizes and options; invalid options throw a {@code ConfigException}. Never null. */
    Cell create(CellSpec spec);
}
