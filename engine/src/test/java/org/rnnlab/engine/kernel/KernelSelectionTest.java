package org.rnnlab.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KernelSelectionTest {

    @Test
    void scalarPropertyIsHonouredEvenWhenTheVectorApiIsAvailable() {
        KernelSelection.Choice c = KernelSelection.decide("scalar", true, true);
        assertThat(c.name()).isEqualTo("scalar");
        assertThat(c.warning()).isEmpty();
    }

    @Test
    void vectorIsTheDefaultWhenTheModuleIsPresentAndC2IsOn() {
        assertThat(KernelSelection.decide(null, true, true).name()).isEqualTo("vector");
        assertThat(KernelSelection.decide(" Vector ", true, true).name()).isEqualTo("vector");
    }

    @Test
    void fallsBackToScalarWithAWarningNamingTheFlag() {
        KernelSelection.Choice noModule = KernelSelection.decide(null, false, true);
        assertThat(noModule.name()).isEqualTo("scalar");
        assertThat(noModule.warning()).get().asString().contains("--add-modules jdk.incubator.vector");
        KernelSelection.Choice noC2 = KernelSelection.decide(null, true, false);
        assertThat(noC2.name()).isEqualTo("scalar");
        assertThat(noC2.warning()).get().asString().contains("TieredStopAtLevel");
    }

    @Test
    void forcingVectorWithoutTheModuleOrAnUnknownValueIsAnError() {
        assertThatThrownBy(() -> KernelSelection.decide("vector", false, true))
                .hasMessageContaining("--add-modules jdk.incubator.vector");
        assertThatThrownBy(() -> KernelSelection.decide("simd", true, true))
                .hasMessageContaining("simd").hasMessageContaining("scalar or vector");
    }

    @Test
    void thisJvmSelectsWhatThePropertyAndEnvironmentSay() {
        String expected = KernelSelection.decide(System.getProperty(KernelSelection.PROPERTY),
                KernelSelection.vectorModulePresent(), KernelSelection.c2Enabled()).name();
        Kernels k = Kernels.get();
        assertThat(k.name()).isEqualTo(expected);
        assertThat(k.vectorBits()).isEqualTo(expected.equals("scalar") ? 32
                : VectorKernels.S.vectorBitSize());
    }
}
