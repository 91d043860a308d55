package org.rnnlab.api.data;

import org.rnnlab.api.Component;

/** Loads a named dataset. Being written with the datasets work. */
public interface DatasetProvider extends Component {
}
