package org.rnnlab.api.experiment;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rnnlab.api.Component;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.RnnlabException;

/**
 * Checks every variant's settings against the schemas of the components it uses ({@link RuntimeSettings}
 * names them) and lists every problem at once: unknown keys, values a key's type or rule refuses, required
 * keys missing, component ids that do not exist.
 *
 * <p>A setting scoped to a component by its id ({@code lstm.forget_bias}) applies only to the variants that
 * use that component: in those it becomes the component's own setting ({@code cell.forget_bias}); the
 * others do not get it. A scoped setting no variant uses is a problem, as it is most likely a typing error.
 */
public final class SettingsValidation {
    private SettingsValidation() {}

    /** The variants with scoped settings resolved, or every problem of any of them (each once). */
    public static Validation<Seq<String>, List<Variant>> check(List<Variant> variants, ComponentRegistry registry) {
        Set<String> problems = new LinkedHashSet<>();
        Map<String, String> unusedScopes = new LinkedHashMap<>();
        Set<String> appliedScopes = new HashSet<>();
        List<Variant> out = new ArrayList<>(variants.size());
        for (Variant v : variants) {
            VariantCheck c = new VariantCheck(v.settings(), registry, problems);
            Settings resolved = c.run(appliedScopes, unusedScopes);
            out.add(new Variant(v.name(), resolved, v.seed()));
        }
        unusedScopes.keySet().removeAll(appliedScopes);
        problems.addAll(unusedScopes.values());
        return problems.isEmpty() ? Validation.valid(List.copyOf(out)) : Validation.invalid(Vector.ofAll(problems));
    }

    /** One variant's settings, the components they name, and the problems found. */
    private static final class VariantCheck {
        private final Settings settings;
        private final ComponentRegistry registry;
        private final Set<String> problems;
        private final Map<SettingKey<String>, Component> used = new LinkedHashMap<>();
        private boolean topLevelResolved = true;

        VariantCheck(Settings settings, ComponentRegistry registry, Set<String> problems) {
            this.settings = settings;
            this.registry = registry;
            this.problems = problems;
        }

        Settings run(Set<String> appliedScopes, Map<String, String> unusedScopes) {
            resolveComponents();
            Map<String, String> resolved = new TreeMap<>();
            Map<String, String> scoped = new TreeMap<>();
            new TreeMap<>(settings.values()).forEach((key, value) -> {
                if (RuntimeSettings.SCHEMA.key(key).isDefined()) {
                    resolved.put(key, value); // checked by resolveComponents
                } else if (topLevelKey(key).isDefined()) {
                    topLevelKey(key).get().validateValue(value, key).swap().forEach(problems::add);
                    namedComponent(topLevelKey(key).get(), value);
                    resolved.put(key, value);
                } else if (checkNamedComponentOption(key, value)) {
                    resolved.put(key, value);
                } else if (isKindOption(key)) {
                    checkKindOption(key, value);
                    resolved.put(key, value);
                } else if (isScoped(key)) {
                    scoped.put(key, value);
                } else if (topLevelResolved) {
                    problems.add(unknown(key));
                }
            });
            requirePrefixedKeys(resolved);
            // scoped last: lstm.forget_bias overrides cell.forget_bias for the variants using lstm
            scoped.forEach((key, value) -> {
                if (applyScoped(key, value, resolved)) {
                    appliedScopes.add(key);
                } else {
                    unusedScopes.putIfAbsent(key, "setting '" + key + "' is for " + namedBy(prefixOf(key))
                            + ", which no variant uses");
                }
            });
            return Settings.of(resolved);
        }

        private void resolveComponents() {
            for (SettingKey<String> key : RuntimeSettings.components()) {
                Validation<String, Option<String>> given = key.validate(settings, key.name());
                if (given.isInvalid()) {
                    problems.add(given.getError());
                    topLevelResolved &= !RuntimeSettings.TOP_LEVEL.contains(key);
                    continue;
                }
                Option<String> id = given.get().orElse(key.defaultValue());
                if (id.isEmpty()) {
                    continue;
                }
                ComponentKind<?> kind = key.type().component().get();
                try {
                    used.put(key, registry.get(kind, id.get()));
                } catch (RnnlabException e) {
                    problems.add("setting '" + key.name() + "': " + e.getMessage());
                    topLevelResolved &= !RuntimeSettings.TOP_LEVEL.contains(key);
                }
            }
        }

        /** The required settings of the variant's prefixed components, given as KIND.KEY or, resolved, ID.KEY. */
        private void requirePrefixedKeys(Map<String, String> resolved) {
            for (SettingKey<String> kindKey : RuntimeSettings.PREFIXED) {
                Component c = used.get(kindKey);
                if (c == null) {
                    continue;
                }
                Settings options = Settings.of(Settings.of(resolved).under(kindKey.name()));
                Settings scoped = Settings.of(settings.under(c.id()));
                for (SettingKey<?> k : c.settings().keys()) {
                    if (k.required() && k.given(options).isEmpty() && k.given(scoped).isEmpty()) {
                        problems.add("setting '" + kindKey.name() + "." + k.name() + "' is required");
                    }
                }
            }
        }

        private Option<SettingKey<?>> topLevelKey(String key) {
            for (SettingsSchema schema : topLevelSchemas()) {
                if (schema.key(key).isDefined()) {
                    return schema.key(key);
                }
            }
            return Option.none();
        }

        /**
         * The schemas of the variant's trainer and task; for a task the variant does not name (it is chosen
         * by the dataset once loaded), those of every task.
         */
        private List<SettingsSchema> topLevelSchemas() {
            List<SettingsSchema> out = new ArrayList<>();
            for (SettingKey<String> k : RuntimeSettings.TOP_LEVEL) {
                Component c = used.get(k);
                if (c != null) {
                    out.add(c.settings());
                } else if (k.given(settings).isEmpty() && k.defaultValue().isEmpty()) {
                    registry.all(k.type().component().get()).forEach(t -> out.add(t.settings()));
                }
            }
            return out;
        }

        /**
         * The component a trainer's or task's own setting names ({@code source.tokenizer=word}), or none when
         * the key names none; a missing id is a problem.
         */
        private Option<Component> namedComponent(SettingKey<?> key, String id) {
            Option<ComponentKind<?>> kind = key.type().component();
            if (kind.isEmpty()) {
                return Option.none();
            }
            try {
                return Option.some(registry.get(kind.get(), id.trim()));
            } catch (RnnlabException e) {
                problems.add("setting '" + key.name() + "': " + e.getMessage());
                return Option.none();
            }
        }

        /**
         * {@code source.tokenizer.lowercase}: an option of the component a trainer's or task's own setting
         * names, checked against that component's schema; false if the key is not of that form.
         */
        private boolean checkNamedComponentOption(String key, String value) {
            for (SettingsSchema schema : topLevelSchemas()) {
                for (SettingKey<?> k : schema.keys()) {
                    if (k.type().component().isEmpty() || !key.startsWith(k.name() + ".")) {
                        continue;
                    }
                    String id = k.given(settings).getOrElse(k.shownDefault());
                    Option<Component> c = id.isEmpty() ? Option.none() : namedComponent(k, id);
                    if (c.isEmpty()) {
                        return true; // the id's own problem is reported
                    }
                    String option = key.substring(k.name().length() + 1);
                    Option<SettingKey<?>> own = c.get().settings().key(option);
                    if (own.isEmpty()) {
                        problems.add(c.get().settings().unknown(key, k.name(),
                                k.type().component().get().name() + " '" + c.get().id() + "'"));
                    } else {
                        own.get().validateValue(value, key).swap().forEach(problems::add);
                    }
                    return true;
                }
            }
            return false;
        }

        private static boolean isKindOption(String key) {
            String prefix = prefixOf(key);
            return prefix != null && RuntimeSettings.PREFIXED.stream().anyMatch(k -> k.name().equals(prefix));
        }

        /** {@code cell.forget_bias}: an option of the variant's cell. */
        private void checkKindOption(String key, String value) {
            String prefix = prefixOf(key);
            SettingKey<String> kindKey = RuntimeSettings.PREFIXED.stream().filter(k -> k.name().equals(prefix))
                    .findFirst().orElseThrow();
            Component c = used.get(kindKey);
            if (c == null) {
                return; // the id's own problem is reported
            }
            String option = key.substring(prefix.length() + 1);
            Option<SettingKey<?>> k = c.settings().key(option);
            if (k.isEmpty()) {
                String problem = c.settings().unknown(key, prefix, whose(kindKey, c));
                problems.add(problem + scopeHint(kindKey, option));
            } else {
                k.get().validateValue(value, key).swap().forEach(problems::add);
            }
        }

        /** For an option another component of the kind has: how to give it to that one only. */
        private String scopeHint(SettingKey<String> kindKey, String option) {
            ComponentKind<?> kind = kindKey.type().component().get();
            List<String> owners = registry.all(kind).stream().filter(o -> o.settings().key(option).isDefined())
                    .map(Component::id).toList();
            return owners.isEmpty() ? ""
                    : "; to give it only to the variants using " + String.join(" or ", owners) + ", write "
                    + owners.getFirst() + "." + option;
        }

        private boolean isScoped(String key) {
            String prefix = prefixOf(key);
            return prefix != null && !namedBy(prefix).isEmpty();
        }

        /** Applies {@code lstm.forget_bias} to this variant if it uses a component {@code lstm}; false if not. */
        private boolean applyScoped(String key, String value, Map<String, String> resolved) {
            String id = prefixOf(key);
            String option = key.substring(id.length() + 1);
            boolean applies = false;
            for (Map.Entry<SettingKey<String>, Component> e : used.entrySet()) {
                Component c = e.getValue();
                if (!c.id().equals(id)) {
                    continue;
                }
                applies = true;
                Option<SettingKey<?>> k = c.settings().key(option);
                if (k.isEmpty()) {
                    problems.add(c.settings().unknown(key, id, whose(e.getKey(), c)));
                    continue;
                }
                k.get().validateValue(value, key).swap().forEach(problems::add);
                boolean topLevel = RuntimeSettings.TOP_LEVEL.contains(e.getKey());
                resolved.put(topLevel ? option : e.getKey().name() + "." + option, value);
            }
            return applies;
        }

        /** "cell 'lstm'", or "cell 'x' and dataset 'x'", for the components with this id; empty if none. */
        private String namedBy(String id) {
            List<String> kinds = new ArrayList<>();
            for (SettingKey<String> k : RuntimeSettings.components()) {
                ComponentKind<?> kind = k.type().component().get();
                if (registry.ids(kind).contains(id)) {
                    kinds.add(kind.name() + " '" + id + "'");
                }
            }
            return String.join(" and ", kinds);
        }

        private String unknown(String key) {
            Set<String> known = new TreeSet<>(RuntimeSettings.SCHEMA.names());
            topLevelSchemas().forEach(s -> known.addAll(s.names()));
            List<String> candidates = new ArrayList<>(known);
            for (SettingKey<String> k : RuntimeSettings.PREFIXED) {
                Component c = used.get(k);
                if (c != null) {
                    c.settings().names().forEach(n -> candidates.add(k.name() + "." + n));
                }
            }
            String near = nearest(key, candidates);
            Component trainer = used.get(RuntimeSettings.TRAINER);
            return "unknown setting '" + key + "'" + (near.isEmpty() ? "" : " (did you mean '" + near + "'?)")
                    + "; known settings: " + String.join(", ", known)
                    + (trainer == null ? "" : " (lab describe trainer " + trainer.id() + ")")
                    + "; a component's own settings go under its kind or its id (cell.KEY, lstm.KEY; lab describe cell lstm)";
        }

        private static String whose(SettingKey<String> kindKey, Component c) {
            return kindKey.type().component().get().name() + " '" + c.id() + "'";
        }
    }

    private static String prefixOf(String key) {
        int dot = key.indexOf('.');
        return dot > 0 && dot < key.length() - 1 ? key.substring(0, dot) : null;
    }

    /** The candidate within two edits of {@code key}, the closest first; empty if none. */
    static String nearest(String key, List<String> candidates) {
        return candidates.stream().filter(c -> distance(key, c) <= 2)
                .min(Comparator.comparingInt((String c) -> distance(key, c)).thenComparing(c -> c)).orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
