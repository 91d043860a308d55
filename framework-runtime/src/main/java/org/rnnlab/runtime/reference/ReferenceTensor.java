package org.rnnlab.runtime.reference;

import java.util.Arrays;
import org.rnnlab.engine.Tensor;

/** A tensor of a reference file, kept in double precision as PyTorch wrote it. */
public record ReferenceTensor(int[] shape, double[] data) {
    public ReferenceTensor {
        shape = shape.clone();
        data = data.clone();
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values but has " + data.length);
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public double[] data() {
        return data.clone();
    }

    public int size() {
        return data.length;
    }

    public double get(int i) {
        return data[i];
    }

    /** The values rounded to float32, in a new tensor of this shape (or of {@code newShape}, same size). */
    public Tensor toTensor(int... newShape) {
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[i];
        }
        return Tensor.of(f, newShape.length == 0 ? shape : newShape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferenceTensor r && Arrays.equals(r.shape, shape) && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ReferenceTensor" + Arrays.toString(shape);
    }
}
