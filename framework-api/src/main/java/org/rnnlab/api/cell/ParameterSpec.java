package org.rnnlab.api.cell;

import java.util.Arrays;

/**
 * A named parameter of a cell and its shape. Built-in cells use PyTorch's base names
 * ({@code weight_ih}, {@code weight_hh}, {@code bias_ih}, {@code bias_hh}); a stack adds the layer
 * suffix ({@code _l0}, {@code _l1}, ...).
 */
public record ParameterSpec(String name, int[] shape) {
    public ParameterSpec {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSpec p && p.name.equals(name) && Arrays.equals(p.shape, shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
