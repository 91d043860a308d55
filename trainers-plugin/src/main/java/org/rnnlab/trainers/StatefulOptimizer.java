package org.rnnlab.trainers;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.train.Optimizer;
import org.rnnlab.api.train.Parameter;
import org.rnnlab.engine.Tensor;

/**
 * The state keeping shared by the optimisers: per-parameter slots ({@code exp_avg}, {@code momentum_buffer},
 * ...) as float32 tensors, as PyTorch keeps them in the parameter's dtype, and the step count. Updates
 * are computed element by element in double and stored as float.
 */
abstract class StatefulOptimizer implements Optimizer {
    private static final String STEP = "step";
    // The count is stored as two floats of 24 bits each, so it survives a float32 round trip exactly.
    private static final long LOW_BITS = (1L << 24) - 1;

    private final Map<String, Tensor> slots = new TreeMap<>();
    private long steps;

    @Override
    public final void step(List<Parameter> parameters, double learningRate) {
        steps++;
        for (Parameter p : parameters) {
            update(p, Elements.of(p), learningRate, steps);
        }
    }

    /**
     * Updates one parameter, whose values and gradient {@code e} holds as arrays; {@code step} counts from 1
     * as in PyTorch.
     */
    protected abstract void update(Parameter p, Elements e, double lr, long step);

    /** The slots {@link #update} keeps for every parameter with these settings ({@code exp_avg}, ...). */
    protected abstract List<String> slotKinds();

    /**
     * A parameter's values {@code w[wo .. wo + n)} and gradient {@code g[go .. go + n)}, the arrays every
     * update loop runs over.
     */
    protected record Elements(float[] w, int wo, float[] g, int go, int n) {
        static Elements of(Parameter p) {
            Tensor value = p.value();
            Tensor grad = p.grad();
            return new Elements(value.data(), value.offset(), grad.data(), grad.offset(), value.size());
        }

        /** The gradient of element {@code i}. */
        double gradient(int i) {
            return g[go + i];
        }

        /** The gradient of element {@code i} with L2 weight decay added ({@code g + wd * w}), as PyTorch couples it. */
        double decayedGradient(int i, double weightDecay) {
            double d = g[go + i];
            if (weightDecay != 0) {
                d += weightDecay * w[wo + i];
            }
            return d;
        }
    }

    /** The slot {@code kind} of parameter {@code p}, created filled with {@code initial} on first use. */
    protected final float[] slot(Parameter p, String kind, float initial) {
        String key = p.name() + "." + kind;
        Tensor t = slots.get(key);
        if (t == null) {
            t = Tensor.zeros(p.value().size()).fill(initial);
            slots.put(key, t);
        } else if (t.size() != p.value().size()) {
            throw new RnnlabException("optimizer state '" + key + "' has " + t.size() + " elements but parameter '"
                    + p.name() + "' has " + p.value().size());
        }
        return t.data();
    }

    protected final long steps() {
        return steps;
    }

    @Override
    public final Map<String, Tensor> state() {
        Map<String, Tensor> out = new TreeMap<>();
        slots.forEach((k, v) -> out.put(k, v.copy()));
        out.put(STEP, Tensor.of(new float[] {(float) (steps >>> 24), (float) (steps & LOW_BITS)}, 2));
        return out;
    }

    /**
     * Restores a state only if it is exactly what {@link #state()} gives for {@code parameters} with these
     * settings: the step count, and after a step every slot of {@link #slotKinds()} for every parameter, of
     * its size; nothing else. A resumed run must never continue with a slot silently started afresh.
     */
    @Override
    public final void restore(Map<String, Tensor> state, List<Parameter> parameters) {
        if (!state.containsKey(STEP)) {
            throw new RnnlabException("optimizer state lacks tensor 'step'");
        }
        java.util.Set<String> unexpected = new java.util.TreeSet<>(state.keySet());
        unexpected.remove(STEP);
        boolean stepped = stepCount(state.get(STEP)) > 0;
        for (Parameter p : parameters) {
            for (String kind : slotKinds()) {
                String key = p.name() + "." + kind;
                Tensor t = state.get(key);
                unexpected.remove(key);
                if (t == null) {
                    if (stepped) {
                        throw new RnnlabException("optimizer state lacks tensor '" + key + "' of parameter '" + p.name() + "'");
                    }
                } else if (t.size() != p.value().size()) {
                    throw new RnnlabException("optimizer state tensor '" + key + "' has " + t.size()
                            + " elements but parameter '" + p.name() + "' has " + p.value().size());
                }
            }
        }
        if (!unexpected.isEmpty()) {
            throw new RnnlabException("optimizer state has tensor '" + unexpected.iterator().next()
                    + "' that this optimizer keeps for none of the model's parameters"
                    + (unexpected.size() > 1 ? " (and " + (unexpected.size() - 1) + " more)" : ""));
        }
        restore(state);
    }

    private static long stepCount(Tensor step) {
        float[] s = step.toArray();
        if (s.length != 2) {
            throw new RnnlabException("optimizer state 'step' must hold 2 values but holds " + s.length);
        }
        return ((long) s[0] << 24) | (long) s[1];
    }

    @Override
    public final void restore(Map<String, Tensor> state) {
        slots.clear();
        steps = 0;
        state.forEach((k, v) -> {
            if (k.equals(STEP)) {
                steps = stepCount(v);
            } else {
                slots.put(k, v.copy().reshape(v.size()));
            }
        });
    }
}
