package org.rnnlab.engine;

import java.util.Arrays;
import org.rnnlab.engine.kernel.KernelThreads;
import org.rnnlab.engine.kernel.Kernels;

/**
 * A dense float32 tensor: a contiguous row-major block of a {@code float[]} starting at an offset.
 *
 * <p>Views ({@link #reshape}, {@link #rows}) share the array and never copy. Shapes are checked and a
 * mismatch throws {@link ShapeException} naming both shapes.
 */
public final class Tensor {
    private final float[] data;
    private final int offset;
    private final int[] shape;
    private final int size;

    private Tensor(float[] data, int offset, int[] shape) {
        this.data = data;
        this.offset = offset;
        this.shape = shape;
        this.size = sizeOf(shape);
        if (offset < 0 || offset + size > data.length) {
            throw new ShapeException("shape " + Arrays.toString(shape) + " at offset " + offset
                    + " does not fit an array of " + data.length + " floats");
        }
    }

    /** A new tensor of zeros. */
    public static Tensor zeros(int... shape) {
        int[] s = shape.clone();
        return new Tensor(new float[sizeOf(s)], 0, s);
    }

    /** Wraps {@code data} (not copied); its length must equal the product of {@code shape}. */
    public static Tensor of(float[] data, int... shape) {
        int[] s = shape.clone();
        if (sizeOf(s) != data.length) {
            throw new ShapeException("shape " + Arrays.toString(s) + " needs " + sizeOf(s)
                    + " floats but " + data.length + " were given");
        }
        return new Tensor(data, 0, s);
    }

    /** Wraps a region of {@code data} starting at {@code offset} (not copied). */
    public static Tensor view(float[] data, int offset, int... shape) {
        return new Tensor(data, offset, shape.clone());
    }

    /** A rank-0 tensor holding one value. */
    public static Tensor scalar(float value) {
        return new Tensor(new float[] {value}, 0, new int[0]);
    }

    public float[] data() { return data; }

    public int offset() { return offset; }

    /** A copy of the shape. */
    public int[] shape() { return shape.clone(); }

    public int rank() { return shape.length; }

    public int dim(int axis) { return shape[axis]; }

    /** Number of elements. */
    public int size() { return size; }

    /** Rows of a matrix view: the first dimension, or 1 for a scalar. */
    public int rowCount() { return shape.length == 0 ? 1 : shape[0]; }

    /** Elements per row: the product of all dimensions but the first. */
    public int rowSize() { return shape.length == 0 ? 1 : size / Math.max(1, shape[0]); }

    public float get(int... index) { return data[offset + flat(index)]; }

    public void set(float value, int... index) { data[offset + flat(index)] = value; }

    /** The single value of a tensor of size 1. */
    public float item() {
        if (size != 1) {
            throw new ShapeException("item() needs one element but shape is " + Arrays.toString(shape));
        }
        return data[offset];
    }

    /** The same elements under another shape of equal size; shares data. */
    public Tensor reshape(int... newShape) {
        int[] s = newShape.clone();
        if (sizeOf(s) != size) {
            throw new ShapeException("cannot reshape " + Arrays.toString(shape) + " to " + Arrays.toString(s));
        }
        return new Tensor(data, offset, s);
    }

    /** Rows {@code [from, to)} along the first dimension; shares data. */
    public Tensor rows(int from, int to) {
        if (shape.length == 0 || from < 0 || to > shape[0] || from > to) {
            throw new ShapeException("rows [" + from + ", " + to + ") out of range for shape " + Arrays.toString(shape));
        }
        int[] s = shape.clone();
        s[0] = to - from;
        return new Tensor(data, offset + from * rowSize(), s);
    }

    /** A deep copy with its own array. */
    public Tensor copy() {
        return new Tensor(Arrays.copyOfRange(data, offset, offset + size), 0, shape.clone());
    }

    /** The elements as a new array. */
    public float[] toArray() { return Arrays.copyOfRange(data, offset, offset + size); }

    public Tensor fill(float value) {
        if (size >= KernelThreads.SPLIT_MIN_STREAM) {
            Kernels.get().fill(size, value, data, offset); // on the kernel threads
        } else {
            Arrays.fill(data, offset, offset + size, value);
        }
        return this;
    }

    /** Copies {@code other}'s elements in; the sizes must agree. */
    public Tensor copyFrom(Tensor other) {
        requireSameSize(other, "copyFrom");
        System.arraycopy(other.data, other.offset, data, offset, size);
        return this;
    }

    /** Throws unless {@code other} has exactly this shape. */
    public void requireShape(String what, int... expected) {
        if (!Arrays.equals(shape, expected)) {
            throw new ShapeException(what + ": expected shape " + Arrays.toString(expected)
                    + " but was " + Arrays.toString(shape));
        }
    }

    public boolean sameShape(Tensor other) { return Arrays.equals(shape, other.shape); }

    private void requireSameSize(Tensor other, String op) {
        if (other.size != size) {
            throw new ShapeException(op + ": sizes differ, " + Arrays.toString(shape) + " vs " + Arrays.toString(other.shape));
        }
    }

    private int flat(int[] index) {
        if (index.length != shape.length) {
            throw new ShapeException("index of rank " + index.length + " for shape " + Arrays.toString(shape));
        }
        int f = 0;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new ShapeException("index " + Arrays.toString(index) + " out of bounds for shape " + Arrays.toString(shape));
            }
            f = f * shape[i] + index[i];
        }
        return f;
    }

    private static int sizeOf(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new ShapeException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new ShapeException("shape " + Arrays.toString(shape) + " has more than 2^31 elements");
        }
        return (int) n;
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
