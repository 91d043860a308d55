package {{package}};

import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.testkit.CellCompatibilityKit;

/**
 * The whole cell contract, checked by rnnlab's compatibility kit: state layout and shapes,
 * finite-difference gradients of every parameter, input and state, determinism under a seed, the
 * safetensors round trip, masking, stacking, and that unknown options are refused.
 */
class {{Name}}CellTest extends CellCompatibilityKit {
    @Override
    protected CellFactory factory() {
        return new {{Name}}CellFactory();
    }
}
