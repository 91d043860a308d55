package org.rnnlab.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed safetensors header checked against itself and the file before any tensor is allocated: each
 * entry has a dtype rnnlab reads, a shape of non-negative integers whose element count fits a Java array,
 * and {@code data_offsets} that hold exactly that many bytes; sorted by offset, the tensors start at 0,
 * follow one another without gap or overlap, and end exactly at the end of the file. Metadata values are
 * strings. A problem throws {@link IllegalArgumentException} with one line naming the tensor.
 *
 * @param tensors  in header order
 * @param metadata the {@code __metadata__} map
 */
record SafetensorsLayout(List<Entry> tensors, Map<String, String> metadata) {
    static final String METADATA = "__metadata__";
    /** The largest Java array the JVM reliably allocates. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /**
     * One tensor's place in the data region.
     *
     * @param begin offset of its first byte from the start of the data region
     * @param end   offset just past its last byte
     */
    record Entry(String name, String dtype, int[] shape, long elements, long begin, long end) {
        int width() {
            return widthOf(dtype);
        }
    }

    /** Tensors sorted by where their data starts, the order a single pass over the file meets them. */
    List<Entry> byOffset() {
        List<Entry> sorted = new ArrayList<>(tensors);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        return sorted;
    }

    /** Bytes of float32 the tensors take once read. */
    long floatBytes() {
        return tensors.stream().mapToLong(Entry::elements).sum() * Float.BYTES;
    }

    static SafetensorsLayout of(Object header, long dataLength) {
        if (!(header instanceof Map<?, ?> top)) {
            throw new IllegalArgumentException("the header is not a JSON object");
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (var e : top.entrySet()) {
            String name = (String) e.getKey();
            if (name.equals(METADATA)) {
                metadata(e.getValue(), metadata);
            } else {
                entries.add(entry(name, e.getValue()));
            }
        }
        coverage(entries, dataLength);
        return new SafetensorsLayout(List.copyOf(entries), metadata);
    }

    private static void metadata(Object value, Map<String, String> into) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(METADATA + " is not an object of strings");
        }
        m.forEach((key, v) -> {
            if (!(v instanceof String text)) {
                throw new IllegalArgumentException(METADATA + " entry " + Safetensors.quote((String) key)
                        + " is not a string");
            }
            into.put((String) key, text);
        });
    }

    private static Entry entry(String name, Object value) {
        String what = "tensor " + Safetensors.quote(name);
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(what + " is not an object with dtype, shape and data_offsets");
        }
        if (!(m.get("dtype") instanceof String dtype)) {
            throw new IllegalArgumentException(what + " has no dtype string");
        }
        if (widthOf(dtype) == 0) {
            throw new IllegalArgumentException(what + " has dtype " + Safetensors.quote(dtype)
                    + "; rnnlab reads F32, F64, F16 and BF16");
        }
        if (!(m.get("shape") instanceof List<?> shapeList)) {
            throw new IllegalArgumentException(what + " has no shape list");
        }
        int[] shape = new int[shapeList.size()];
        long elements = 1;
        for (int k = 0; k < shape.length; k++) {
            if (!(shapeList.get(k) instanceof Long d)) {
                throw new IllegalArgumentException(what + " has a shape " + shapeList + " whose dimension "
                        + (k + 1) + " is not an integer");
            }
            if (d < 0) {
                throw new IllegalArgumentException(what + " has a negative dimension " + d + " in its shape " + shapeList);
            }
            if (d > MAX_ELEMENTS || (elements = elements * d) > MAX_ELEMENTS) {
                throw new IllegalArgumentException(what + " of shape " + shapeList + " has more elements than a Java"
                        + " array holds (" + MAX_ELEMENTS + ")");
            }
            shape[k] = Math.toIntExact(d);
        }
        if (!(m.get("data_offsets") instanceof List<?> offsets) || offsets.size() != 2
                || !(offsets.get(0) instanceof Long begin) || !(offsets.get(1) instanceof Long end)) {
            throw new IllegalArgumentException(what + " has no data_offsets pair of integers");
        }
        long bytes = elements * widthOf(dtype);
        if (begin < 0 || end < begin || end - begin != bytes) {
            throw new IllegalArgumentException(what + " of shape " + shapeList + " and dtype " + dtype + " needs "
                    + bytes + " bytes but its data_offsets are [" + begin + ", " + end + "]");
        }
        return new Entry(name, dtype, shape, elements, begin, end);
    }

    /** The tensors, in offset order, tile the data region exactly: no gap, no overlap, nothing left over. */
    private static void coverage(List<Entry> entries, long dataLength) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long at = 0;
        Entry previous = null;
        for (Entry e : sorted) {
            if (e.begin() < at) {
                throw new IllegalArgumentException("tensors " + Safetensors.quote(previous.name()) + " and "
                        + Safetensors.quote(e.name()) + " overlap: bytes [" + e.begin() + ", " + Math.min(at, e.end())
                        + ") belong to both");
            }
            if (e.begin() > at) {
                throw new IllegalArgumentException("bytes [" + at + ", " + e.begin() + ") of the data belong to no tensor"
                        + " (before " + Safetensors.quote(e.name()) + ")");
            }
            at = e.end();
            previous = e;
        }
        if (at > dataLength) {
            throw new IllegalArgumentException("tensor " + Safetensors.quote(previous.name()) + " ends at byte " + at
                    + " of the data but the file holds only " + dataLength + " data bytes (cut short?)");
        }
        if (at < dataLength) {
            throw new IllegalArgumentException("the file holds " + dataLength + " data bytes but its tensors cover only "
                    + at + " (bytes appended, or a tensor missing from the header)");
        }
    }

    static int widthOf(String dtype) {
        return switch (dtype) {
            case "F32" -> 4;
            case "F64" -> 8;
            case "F16", "BF16" -> 2;
            default -> 0;
        };
    }
}
