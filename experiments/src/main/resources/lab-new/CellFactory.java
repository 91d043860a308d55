package {{package}};

import org.rnnlab.api.cell.Cell;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;

/**
 * Makes {@link {{Name}}Cell}s. Its {@link #id()} is the name experiments and the command line use
 * ({@code --set cell={{id}}}); ids are lowercase-kebab and unique among the loaded cells.
 * A cell with options declares them in {@code settings()} (see {@code lab describe cell lstm}).
 */
public final class {{Name}}CellFactory implements CellFactory {
    @Override
    public String id() {
        return "{{id}}";
    }

    @Override
    public String description() {
        return "{{id}}: an Elman cell written with engine ops (lab new cell skeleton)";
    }

    @Override
    public Cell create(CellSpec spec) {
        checkOptions(spec);   // no settings declared, so any cell option is refused with its name
        return new {{Name}}Cell(spec.inputSize(), spec.hiddenSize());
    }
}
