package org.rnnlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The kit's settings: defaults, the system properties that replace them, and one-line errors for bad values. */
class KitSettingsTest {

    @AfterEach
    void clear() {
        System.clearProperty(KitSettings.CASES_PROPERTY);
        System.clearProperty(KitSettings.SEED_PROPERTY);
        System.clearProperty(KitSettings.TOLERANCE_PROPERTY);
    }

    @Test
    void withoutPropertiesTheDefaults() {
        assertThat(KitSettings.fromSystemProperties()).isEqualTo(new KitSettings(3, 20_160_521L, 1e-2));
    }

    @Test
    void eachPropertyReplacesItsDefault() {
        System.setProperty(KitSettings.CASES_PROPERTY, "10");
        System.setProperty(KitSettings.SEED_PROPERTY, "-9007199254740993");
        System.setProperty(KitSettings.TOLERANCE_PROPERTY, "2e-3");
        assertThat(KitSettings.fromSystemProperties()).isEqualTo(new KitSettings(10, -9_007_199_254_740_993L, 2e-3));
    }

    @Test
    void aBadValueNamesTheProperty() {
        System.setProperty(KitSettings.CASES_PROPERTY, "many");
        assertThatThrownBy(KitSettings::fromSystemProperties).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rnnlab.kit.cases=many");
        System.setProperty(KitSettings.CASES_PROPERTY, "0");
        assertThatThrownBy(KitSettings::fromSystemProperties).hasMessageContaining("cases must be at least 1 but is 0");
        System.clearProperty(KitSettings.CASES_PROPERTY);
        System.setProperty(KitSettings.TOLERANCE_PROPERTY, "-1");
        assertThatThrownBy(KitSettings::fromSystemProperties).hasMessageContaining("tolerance must be a positive number");
    }
}
