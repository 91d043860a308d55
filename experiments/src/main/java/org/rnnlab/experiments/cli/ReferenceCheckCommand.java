package org.rnnlab.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.runtime.reference.ReferenceCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lab reference-check FILE...}: runs every case of PyTorch reference files (the format of
 * {@code make_reference.py}) through rnnlab's cells and fails if any error exceeds the tolerance.
 */
@Command(name = "reference-check", mixinStandardHelpOptions = true,
        description = {"Check the cells against PyTorch reference files (outputs, final states, every gradient).",
                "Prints the largest relative error of each quantity, composed and fused; exits 1 if any exceeds "
                        + ReferenceCheck.RELATIVE_TOLERANCE + "."})
final class ReferenceCheckCommand implements Callable<Integer> {

    @ParentCommand
    Lab lab;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Reference files (JSON).")
    List<Path> files;

    @Override
    public Integer call() {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new RnnlabException("reference file not found: " + f.toAbsolutePath());
            }
        }
        boolean passed = ReferenceCheck.run(files, id -> lab.registry().get(ComponentKind.CELL, id), System.out);
        System.out.flush();
        return passed ? 0 : 1;
    }
}
