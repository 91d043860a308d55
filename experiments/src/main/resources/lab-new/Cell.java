package {{package}};

import java.util.List;
import java.util.Map;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;
import org.rnnlab.model.cell.RecurrentCell;

/**
 * The {{id}} cell: one layer at one time step. Replace {@link #step} with your cell.
 *
 * <p>The contract (org.rnnlab.api.cell.Cell; the kit test checks all of it):
 * <ul>
 *   <li>{@code step} uses {@link Graph} operations only, so rnnlab derives the backward pass through time;</li>
 *   <li>{@code x} is {@code [B, input]}, each state {@code [B, H]}; it returns the new states, output
 *       {@code h} first (an LSTM-like cell also overrides {@code stateNames()} to {@code [h, c]});</li>
 *   <li>the cell keeps nothing between calls: padding, layers and the sequence loop are the stack's;</li>
 *   <li>parameters come in PyTorch's layout from {@link RecurrentCell}: {@code gates} blocks of {@code H}
 *       rows in {@code weight_ih [gates*H, input]}, {@code weight_hh [gates*H, H]}, {@code bias_ih},
 *       {@code bias_hh}, initialised uniform in {@code (-1/sqrt(H), 1/sqrt(H))}; override
 *       {@code parameters()} and {@code initialize(...)} for other shapes.</li>
 * </ul>
 * This skeleton is an Elman cell with one gate block: {@code h' = tanh(W_ih x + b_ih + W_hh h + b_hh)}.
 */
final class {{Name}}Cell extends RecurrentCell {

    {{Name}}Cell(int input, int hidden) {
        super(input, hidden, 1);   // one block of H rows; a GRU-like cell with 3 gates passes 3
    }

    @Override
    public List<Var> step(Graph g, Var x, List<Var> state, Map<String, Var> p) {
        Var h = state.getFirst();
        // x W_ih^T + b_ih + h W_hh^T + b_hh, [B, gates*H]; g.sliceColumns(a, from, to) cuts one gate's block
        Var pre = preActivations(g, x, h, p);
        return List.of(g.tanh(pre));
    }
}
