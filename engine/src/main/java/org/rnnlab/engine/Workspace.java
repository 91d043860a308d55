package org.rnnlab.engine;

/**
 * Buffers for one run, reused from step to step: {@link #take} hands out a zeroed tensor, and after
 * {@link #releaseAll()} the same buffers are handed out again, so a step in steady state allocates
 * next to nothing. Not thread-safe: one workspace per run.
 */
public final class Workspace {
    // The engine work fills this in.

    /** A zeroed tensor of this shape, valid until the next {@link #releaseAll()}. */
    public Tensor take(int... shape) { throw new IllegalStateException("Workspace is being written"); }

    /** Makes every buffer handed out so far available again. */
    public void releaseAll() { throw new IllegalStateException("Workspace is being written"); }

    /** Bytes held by this workspace (all buffers, in use or free). */
    public long bytesHeld() { throw new IllegalStateException("Workspace is being written"); }
}
