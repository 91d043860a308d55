package org.rnnlab.api.data;

import org.rnnlab.api.Component;

/** Makes tokenizers of one kind. Being written with the datasets work. */
public interface TokenizerFactory extends Component {
}
