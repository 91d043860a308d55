package org.rnnlab.api.train;

import org.rnnlab.api.Component;

/** Makes trainers of one kind ({@code bptt}, {@code tbptt}). */
public interface TrainerFactory extends Component {

    Trainer create();
}
