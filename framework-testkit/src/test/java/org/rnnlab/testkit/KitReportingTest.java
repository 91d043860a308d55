package org.rnnlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.rnnlab.api.cell.CellFactory;

/**
 * What a build report shows for kit subclasses, run through the JUnit launcher as surefire runs them.
 * With the checks in nested classes, two kit subclasses in one project were reported under the kit's
 * nested class names ({@code CellCompatibilityKit$Gradients}), one overwriting the other: "Tests run: 25
 * ... Skipped: 6" for 32 tests and 12 skipped. Every test must sit directly under its subclass.
 */
class KitReportingTest {

    /** The IndRNN whose recurrent weight gets no gradient; run here only (surefire skips nested classes). */
    static class DetachedIndRnnKit extends CellCompatibilityKit {
        @Override
        protected CellFactory factory() {
            return new IndRnnCellFactory(true);
        }
    }

    private record Outcome(TestIdentifier test, TestIdentifier parent, TestExecutionResult result, String skipped) {}

    private static List<Outcome> run(Class<?>... classes) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (Class<?> c : classes) {
            request.selectors(selectClass(c));
        }
        List<Outcome> outcomes = new ArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request.build(), new TestExecutionListener() {
            private TestPlan plan;

            @Override
            public void testPlanExecutionStarted(TestPlan testPlan) {
                plan = testPlan;
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    outcomes.add(new Outcome(id, classOf(plan, id), result, null));
                }
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                if (id.isTest()) {
                    outcomes.add(new Outcome(id, classOf(plan, id), null, reason));
                }
            }
        });
        return outcomes;
    }

    /** The nearest container with a class source, which is what surefire reports a test under. */
    private static TestIdentifier classOf(TestPlan plan, TestIdentifier id) {
        TestIdentifier at = id;
        while (at != null && !(at.getSource().orElse(null) instanceof ClassSource)) {
            at = plan.getParent(at).orElse(null);
        }
        return at;
    }

    @Test
    void twoKitClassesInOneRunAreEachReportedUnderTheirOwnNameWithTheirOwnTotals() {
        List<Outcome> outcomes = run(ToyRnnCellTest.class, IndRnnCellTest.class);

        Map<String, int[]> byClass = new TreeMap<>();
        for (Outcome o : outcomes) {
            String reported = ((ClassSource) o.parent().getSource().orElseThrow()).getClassName();
            int[] counts = byClass.computeIfAbsent(reported, k -> new int[3]);
            counts[0]++;
            if (o.skipped() != null || o.result().getStatus() == TestExecutionResult.Status.ABORTED) {
                counts[1]++;
            } else if (o.result().getStatus() == TestExecutionResult.Status.FAILED) {
                counts[2]++;
            }
            if (o.test().getSource().orElse(null) instanceof MethodSource m) {
                assertThat(m.getClassName()).as(o.test().getDisplayName()).isEqualTo(reported);
            }
        }
        // 16 checks each; neither cell has a fused kernel, so its 6 fused-path checks are skipped, not passed
        assertThat(byClass).containsOnlyKeys(ToyRnnCellTest.class.getName(), IndRnnCellTest.class.getName());
        assertThat(byClass.get(ToyRnnCellTest.class.getName())).containsExactly(16, 6, 0);
        assertThat(byClass.get(IndRnnCellTest.class.getName())).containsExactly(16, 6, 0);
    }

    @Test
    void aWrongCellFailsTheKitWithAMessageNamingIt() {
        List<String> failures = run(DetachedIndRnnKit.class).stream()
                .filter(o -> o.result() != null && o.result().getStatus() == TestExecutionResult.Status.FAILED)
                .map(o -> o.test().getDisplayName() + ": " + o.result().getThrowable().orElseThrow().getMessage())
                .toList();

        assertThat(failures).singleElement().asString()
                .startsWith("gradients against finite differences")
                .contains("[gradients] cell 'indrnn-detached' (org.rnnlab.testkit.IndRnnCellFactory): weight_hh_l0 (composed path");
    }
}
