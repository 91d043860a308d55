package org.rnnlab.api.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.ConfigException;

class SettingsSchemaTest {
    private static final SettingKey<Integer> LENGTH = SettingKey.integer("length", "tokens per example")
            .defaultsTo(20).checked(SettingCheck.atLeast(2));
    private static final SettingKey<String> PATH = SettingKey.text("path", "the file").requiredKey();
    private static final SettingKey<Double> RATE = SettingKey.real("rate", "a rate").checked(SettingCheck.fraction())
            .formerly("theRate");
    private static final SettingKey<String> MODE = SettingKey.oneOf("mode", "how", "fast", "slow").defaultsTo("fast");
    private static final SettingsSchema SCHEMA = SettingsSchema.of("dataset example", LENGTH, PATH, RATE, MODE);

    private static Settings settings(String... keyValues) {
        Map<String, String> m = new java.util.TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return Settings.of(m);
    }

    @Nested
    class Keys {
        @Test
        void carryTypeDefaultRuleMeaningAndTheOwnerTheirSchemaGives() {
            SettingKey<?> length = SCHEMA.key("length").get();
            assertThat(length.type()).isSameAs(SettingType.INTEGER);
            assertThat(length.shownDefault()).isEqualTo("20");
            assertThat(length.check().rule()).isEqualTo("be at least 2");
            assertThat(length.meaning()).isEqualTo("tokens per example");
            assertThat(length.owner()).isEqualTo("dataset example");
            assertThat(PATH.shownDefault()).isEqualTo("required");
            assertThat(RATE.shownDefault()).isEmpty();
            // a key that names its own owner keeps it in another's schema
            assertThat(SettingsSchema.of("trainer x", LENGTH.ownedBy("schedule")).keys().getFirst().owner()).isEqualTo("schedule");
        }

        @Test
        void readTheGivenValueElseTheDefault() {
            assertThat(settings().get(LENGTH)).isEqualTo(20);
            assertThat(settings("length", " 7 ").get(LENGTH)).isEqualTo(7);
            assertThat(settings().find(RATE)).isEqualTo(Option.none());
            assertThat(settings("rate", "0.25").find(RATE)).isEqualTo(Option.some(0.25));
            assertThat(settings("mode", "SLOW").get(MODE)).isEqualTo("slow");
        }

        @Test
        void aFormerNameIsStillRead() {
            assertThat(settings("theRate", "0.5").find(RATE)).isEqualTo(Option.some(0.5));
            assertThat(SCHEMA.validate(settings("path", "x", "theRate", "0.5"), "dataset", "dataset 'example'").isValid()).isTrue();
        }

        @Test
        void aBadValueARuleBrokenOrARequiredKeyMissingIsAConfigException() {
            assertThatThrownBy(() -> settings("length", "1").get(LENGTH)).isInstanceOf(ConfigException.class)
                    .hasMessage("setting 'length' must be at least 2 but was '1'");
            assertThatThrownBy(() -> settings("length", "1.5").get(LENGTH))
                    .hasMessage("setting 'length' must be an integer but was '1.5'");
            assertThatThrownBy(() -> settings().get(PATH)).hasMessage("setting 'path' is required");
            // reading a key without a default with get is a programming error, not the user's
            assertThatThrownBy(() -> settings().get(RATE)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void aRequiredKeyHasNoDefault() {
            assertThat(PATH.defaultsTo("x").required()).isFalse();
            assertThat(PATH.defaultsTo("x").requiredKey().defaultValue()).isEqualTo(Option.none());
            assertThatThrownBy(() -> new SettingKey<>("k", SettingType.TEXT, Option.some("d"), true,
                    SettingCheck.any(), "m", "", java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Types {
        @Test
        void parseWhatAUserTypesAndSayWhatIsExpected() {
            assertThat(SettingType.INTEGER.parse("12").get()).isEqualTo(12);
            assertThat(SettingType.INTEGER.parse("1e3").getLeft()).isEqualTo("be an integer");
            assertThat(SettingType.REAL.parse("1e-3").get()).isEqualTo(0.001);
            assertThat(SettingType.REAL.parse("NaN").getLeft()).isEqualTo("be a finite number");
            assertThat(SettingType.REAL.parse("Infinity").isLeft()).isTrue();
            for (String yes : new String[] {"true", "YES", "on", "1"}) {
                assertThat(SettingType.FLAG.parse(yes).get()).as(yes).isTrue();
            }
            assertThat(SettingType.FLAG.parse("off").get()).isFalse();
            assertThat(SettingType.FLAG.parse("maybe").getLeft()).isEqualTo("be true or false");
            assertThat(SettingType.TEXT.parse(" ").getLeft()).isEqualTo("not be empty");
            // text is kept as given: a delimiter or a prefix may be a space
            assertThat(SettingType.TEXT.parse(" a ").get()).isEqualTo(" a ");
            assertThat(SettingType.oneOf("a", "b").parse("c").getLeft()).isEqualTo("be one of a, b");
        }

        @Test
        void showNumbersAsAUserWouldTypeThem() {
            assertThat(SettingType.REAL.format(1.0)).isEqualTo("1");
            assertThat(SettingType.REAL.format(0.001)).isEqualTo("0.001");
            assertThat(SettingType.REAL.format(0.999)).isEqualTo("0.999");
            assertThat(SettingType.REAL.format(1e-8)).isEqualTo("1e-08");
            assertThat(SettingType.REAL.format(-2.5)).isEqualTo("-2.5");
        }
    }

    @Nested
    class Schemas {
        @Test
        void listEveryProblemAtOnceNamedAsTheUserTypedThem() {
            var result = SCHEMA.validate(settings("lenght", "3", "length", "1", "rate", "2", "mode", "medium"),
                    "dataset", "dataset 'example'");
            assertThat(result.getError().toJavaList()).containsExactly(
                    "unknown setting 'dataset.lenght': dataset 'example' takes dataset.length, dataset.mode, dataset.path, dataset.rate",
                    "setting 'dataset.length' must be at least 2 but was '1'",
                    "setting 'dataset.path' is required",
                    "setting 'dataset.rate' must be a fraction in [0, 1) but was '2'",
                    "setting 'dataset.mode' must be one of fast, slow but was 'medium'");
            assertThatThrownBy(() -> SCHEMA.require(settings(), "dataset", "dataset 'example'"))
                    .isInstanceOf(ConfigException.class).hasMessage("setting 'dataset.path' is required");
            assertThat(SettingsSchema.EMPTY.validate(settings("x", "1"), "cell", "cell 'mgu'").getError().toJavaList())
                    .containsExactly("unknown setting 'cell.x': cell 'mgu' takes no settings");
        }

        @Test
        void checkingTopLevelValuesLeavesOtherKeysAlone() {
            SettingsSchema trainer = SettingsSchema.of("trainer t", LENGTH);
            assertThat(trainer.validateValues(settings("length", "5", "cell", "lstm", "cell.x", "1")).isValid()).isTrue();
            assertThat(trainer.validateValues(settings("length", "0")).getError().toJavaList())
                    .containsExactly("setting 'length' must be at least 2 but was '0'");
        }

        @Test
        void refuseTwoKeysOfOneName() {
            assertThatThrownBy(() -> SettingsSchema.of("x", LENGTH, SettingKey.integer("length", "again")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'length'");
            assertThatThrownBy(() -> SettingsSchema.of("x", RATE, SettingKey.integer("theRate", "old name taken")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
