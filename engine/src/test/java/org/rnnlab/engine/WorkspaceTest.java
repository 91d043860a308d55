package org.rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkspaceTest {

    @Test
    void takeReturnsZeroedTensorsOfTheShapeAsked() {
        Workspace ws = new Workspace();
        Tensor t = ws.take(2, 3);
        assertThat(t.shape()).containsExactly(2, 3);
        assertThat(t.toArray()).containsOnly(0f);
        t.fill(5f);
        ws.releaseAll();
        Tensor again = ws.take(2, 3);
        assertThat(again.data()).isSameAs(t.data());
        assertThat(again.toArray()).containsOnly(0f);
    }

    @Test
    void buffersAreReusedAfterReleaseAllAndPooledBySize() {
        Workspace ws = new Workspace();
        Tensor a = ws.take(4, 5);
        Tensor b = ws.take(20);
        Tensor c = ws.take(3);
        assertThat(a.data()).isNotSameAs(b.data());
        long held = ws.bytesHeld();
        assertThat(held).isEqualTo((20 + 20 + 3) * 4L);
        ws.releaseAll();
        // same size, other shape: the buffer is reused under a new view
        Tensor d = ws.take(5, 4);
        Tensor e = ws.take(2, 10);
        Tensor f = ws.take(3);
        assertThat(d.data()).isSameAs(a.data());
        assertThat(e.data()).isSameAs(b.data());
        assertThat(f).isSameAs(c);
        assertThat(ws.bytesHeld()).isEqualTo(held);
    }

    @Test
    void holdsOnlyWhatOneStepNeedsAfterManySteps() {
        Workspace ws = new Workspace();
        for (int step = 0; step < 100; step++) {
            ws.take(8, 8);
            ws.take(8, 8);
            ws.take();
            ws.releaseAll();
        }
        assertThat(ws.bytesHeld()).isEqualTo((64 + 64 + 1) * 4L);
    }

    @Test
    void dropsSizesThatTheLastStepsDidNotTakeSoStepsOfEveryShapeStayBounded() {
        Workspace ws = new Workspace();
        // a run of sequences of every length: each step's sizes differ from all earlier ones
        for (int length = 1; length <= 500; length++) {
            ws.take(length, 100);
            ws.take(length, 100);
            ws.releaseAll();
        }
        // the last KEPT_STEPS steps' buffers only: lengths 497..500, two of 100 floats per step each
        long expected = 0;
        for (int length = 500 - Workspace.KEPT_STEPS + 1; length <= 500; length++) {
            expected += 2L * length * 100 * Float.BYTES;
        }
        assertThat(ws.bytesHeld()).isEqualTo(expected);
    }

    @Test
    void aSizeTakenWithinTheLastStepsKeepsItsBuffers() {
        Workspace ws = new Workspace();
        Tensor steady = ws.take(7, 7);
        ws.releaseAll();
        for (int other = 0; other < Workspace.KEPT_STEPS - 1; other++) {
            ws.take(1000 + other);
            ws.releaseAll();
        }
        // KEPT_STEPS - 1 steps without 7x7: still held, handed out again
        assertThat(ws.take(7, 7)).isSameAs(steady);
        ws.releaseAll();
        for (int other = 0; other < Workspace.KEPT_STEPS; other++) {
            ws.take(3);
            ws.releaseAll();
        }
        // KEPT_STEPS steps without it: dropped, a new buffer
        assertThat(ws.take(7, 7).data()).isNotSameAs(steady.data());
        assertThat(ws.bytesHeld()).isEqualTo((49 + 3) * 4L);
    }
}
