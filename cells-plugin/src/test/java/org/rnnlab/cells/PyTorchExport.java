package org.rnnlab.cells;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.engine.Safetensors;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;
import org.rnnlab.model.cell.CellStack;
import org.rnnlab.testkit.CellChecks;

/**
 * Writes two-layer lstm, gru and rnn models (I=5, H=8) as safetensors with PyTorch names, plus an input
 * and rnnlab's outputs, for {@code tools/pytorch_load_check.py} to load into {@code torch.nn.LSTM/GRU/RNN}
 * and compare. Usage: {@code PyTorchExport DIR}.
 */
public final class PyTorchExport {
    private PyTorchExport() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Map<String, CellFactory> cells = Map.of("lstm", new LstmCellFactory(), "gru", new GruCellFactory(), "rnn", new RnnCellFactory());
        int steps = 7;
        int batch = 3;
        int input = 5;
        int hidden = 8;
        for (var cell : cells.entrySet()) {
            CellStack stack = CellStack.of(cell.getValue(), new CellSpec(input, hidden), 2);
            Map<String, Tensor> params = CellChecks.freshParameters(stack);
            stack.initialize(params, new SplittableRandom(1));
            Tensor x = Tensor.zeros(steps * batch, input);
            SplittableRandom random = new SplittableRandom(2);
            for (int i = 0; i < x.size(); i++) {
                x.data()[i] = (float) random.nextDouble(-1, 1);
            }
            Graph graph = new Graph(new Workspace());
            Map<String, Var> vars = new HashMap<>();
            params.forEach((name, t) -> vars.put(name, graph.constant(t)));
            CellStack.Output out = stack.forward(graph, graph.constant(x), steps, batch, null, vars, List.of(), null, true);
            Safetensors.write(dir.resolve(cell.getKey() + ".safetensors"), params, Map.of("format", "pt"));
            Map<String, Tensor> io = new LinkedHashMap<>();
            io.put("x", x.reshape(steps, batch, input));
            io.put("y", out.outputs().value().copy().reshape(steps, batch, hidden));
            Safetensors.write(dir.resolve(cell.getKey() + "-io.safetensors"), io, Map.of());
        }
    }
}
