package org.rnnlab.engine.autodiff;

/** Something recorded on a {@link Graph}'s tape: it knows how to send gradients back to its inputs. */
abstract class TapeEntry {

    /**
     * Called once, in reverse recording order, when every gradient this entry's outputs will receive
     * has arrived.
     */
    abstract void backward();
}
