package org.rnnlab.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.UnknownComponentException;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.event.ExperimentCompleted;
import org.rnnlab.api.event.ExperimentStarted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.experiment.FileNames;
import org.rnnlab.api.experiment.RuntimeSettings;
import org.rnnlab.api.experiment.Variant;
import org.rnnlab.api.report.EventHistory;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.api.report.ReporterFactory;
import org.rnnlab.api.task.Task;
import org.rnnlab.runtime.events.EventLog;
import org.rnnlab.runtime.events.EventLogWriter;

/**
 * Runs an experiment's variants concurrently and leaves the run directory of DESIGN.md:
 * {@code <output>/<experiment>/<yyyyMMdd-HHmmss>/experiment.json} and one folder per variant.
 *
 * <p>Before anything is created, every variant's trainer id is checked (all problems at once).
 * {@code experiment.json} records the provenance of the run and of each distinct dataset and seed, each
 * loaded once into the run's {@link DatasetCache}, from which the variants take them. Then one
 * reporter per {@link ComponentKind#REPORTER} component is subscribed to a fresh {@link OrderedEventBus},
 * {@link ExperimentStarted} is published, and the variants train on a fixed pool of
 * {@code min(threads, variants)} threads ({@link RunOptions#threads()}), each prepared by a
 * {@link VariantPipeline} and trained by the trainer its {@code trainer} setting names (default
 * {@code bptt}). The threads the variants leave over go to their kernels ({@code threads / at once}
 * each, see {@link org.rnnlab.engine.kernel.KernelThreads}), so one large model uses every core it is
 * given; the results are the same bits with any number of kernel threads. Trainers publish their runs' events; a variant whose
 * preparation or trainer throws ends only itself, which the runner reports as
 * {@link org.rnnlab.api.event.RunFailed} (its stack trace goes to
 * {@code <variant>/error.txt}). {@link ExperimentCompleted} follows the last variant, and the bus is
 * drained before {@link #run} returns. A runner made {@link #on} a {@link VariantExecutor} (a cluster's) hands
 * the variants to it instead of training them on its own pool.
 */
public final class ExperimentRunner {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final System.Logger LOG = System.getLogger(ExperimentRunner.class.getName());

    private final ComponentRegistry registry;
    private final Clock clock;
    private final long heapBytes;
    private final VariantExecutor executor;

    public ExperimentRunner(ComponentRegistry registry) {
        this(registry, Clock.systemDefaultZone());
    }

    /** A runner whose run folders are named by {@code clock}'s time. */
    public ExperimentRunner(ComponentRegistry registry, Clock clock) {
        this(registry, clock, Runtime.getRuntime().maxMemory());
    }

    /** A runner that refuses variants whose tasks say they need more than {@code heapBytes} (tests). */
    ExperimentRunner(ComponentRegistry registry, Clock clock, long heapBytes) {
        this(registry, clock, heapBytes, null);
    }

    private ExperimentRunner(ComponentRegistry registry, Clock clock, long heapBytes, VariantExecutor executor) {
        this.registry = registry;
        this.clock = clock;
        this.heapBytes = heapBytes;
        this.executor = executor;
    }

    /**
     * This runner with its variants trained by {@code executor} (a cluster's) rather than on this JVM's threads;
     * the caller owns it and closes it, if it needs closing, after the run.
     */
    public ExperimentRunner on(VariantExecutor executor) {
        return new ExperimentRunner(registry, clock, heapBytes, java.util.Objects.requireNonNull(executor, "executor"));
    }

    /**
     * Runs {@code plan}; {@code subscribers} are added to the bus beside the reporters (the command line's
     * own output, tests). Throws {@link ConfigException} before creating anything if the plan is invalid.
     */
    public ExperimentOutcome run(ExperimentPlan plan, RunOptions options, List<EventSubscriber> subscribers) {
        List<Variant> variants = plan.variants();
        validate(plan, variants);
        Instant started = clock.instant();
        Path runDirectory = createRunDirectory(options.outputFolder(), plan.name(), started);
        try (RunFolderLock lock = RunFolderLock.acquire(runDirectory, "lab run " + plan.name())) {
            List<String> folders = DistinctFileNames.of(variants.stream().map(Variant::name).toList());
            Map<String, String> provenance = Provenance.collect(started);
            DatasetCache datasets = new DatasetCache(registry);
            List<Map<String, Object>> data = datasets.provenance(variants);
            Map<String, String> dataHashes = new TreeMap<>(datasets.dataHashes());
            dataHashes.putAll(plan.dataHashes());
            ExperimentJson json = new ExperimentJson(plan, variants, folders, options, provenance, data, dataHashes,
                    registry);
            json.write(runDirectory);
            return execute(plan, runDirectory, folders, datasets, Map.of(), EventHistory.NONE, json, provenance, options,
                    subscribers);
        }
    }

    /**
     * Continues a stopped run in its own directory ({@code lab run NAME --resume RUN_DIR}) with the variants
     * and settings {@code experiment.json} recorded: a variant that completed, stopped early or diverged is
     * kept as it is (its status is reported again, nothing retrains); every other variant trains with
     * {@link org.rnnlab.api.train.TrainingRun#resume()} true, so its trainer continues from its last complete checkpoint. The
     * reporters start from the events already in the run's log ({@code events.jsonl}), so the reports at the end
     * cover every variant; a run made before rnnlab kept a log is refused.
     */
    public ExperimentOutcome resume(RecordedRun recorded, RunOptions options, List<EventSubscriber> subscribers) {
        return resume(recorded, List.of(), options, subscribers);
    }

    /** {@link #resume(RecordedRun, RunOptions, List)}, checking {@code claims} (the experiment's) at the end. */
    public ExperimentOutcome resume(RecordedRun recorded, List<org.rnnlab.api.experiment.Claim> claims, RunOptions options,
                                    List<EventSubscriber> subscribers) {
        ExperimentPlan plan = recorded.plan().withClaims(claims);
        EventHistory history = EventLog.history(recorded.directory()); // a run older than the log cannot go on
        validate(plan, plan.variants());
        // taken before anything is written: a second resume of a folder being written is refused, naming the holder
        try (RunFolderLock lock = RunFolderLock.acquire(recorded.directory(), "lab run " + plan.name() + " --resume")) {
            Map<String, RunStatus> kept = new LinkedHashMap<>();
            recorded.variants().stream().filter(RecordedRun.Entry::finished)
                    .forEach(e -> kept.put(e.variant().name(), e.status().orElseThrow()));
            Map<String, String> provenance = Provenance.collect(clock.instant());
            ExperimentJson json = ExperimentJson.read(recorded.directory());
            json.resumed(provenance, options.threads());
            json.write(recorded.directory());
            List<String> folders = recorded.variants().stream().map(RecordedRun.Entry::folder).toList();
            return execute(plan, recorded.directory(), folders, new DatasetCache(registry), kept, history, json,
                    provenance, options, subscribers);
        }
    }

    private ExperimentOutcome execute(ExperimentPlan plan, Path runDirectory, List<String> folders,
                                      DatasetCache datasets, Map<String, RunStatus> kept, EventHistory history,
                                      ExperimentJson json,
                                      Map<String, String> provenance, RunOptions options,
                                      List<EventSubscriber> subscribers) {
        List<Variant> variants = plan.variants();
        Map<String, RunStatus> status = new LinkedHashMap<>();
        Map<String, String> failures = new TreeMap<>();
        long t0 = System.nanoTime();
        boolean resuming = history != EventHistory.NONE;
        // a file that cannot be written (full disk, read-only folder) is kept as one line and the run goes on:
        // what the variants compute is not lost, and the command reports every such line at the end
        Set<String> writeFailures = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
        EventLogWriter log = EventLogWriter.open(runDirectory);
        OrderedEventBus bus = subscribeReporters(runDirectory, options.interactive(), history, writeFailures);
        try {
            bus.subscribe(log, "the event log");
            ClaimCheck claims = ClaimCheck.after(history); // the variants a resumed run keeps ended in an earlier process
            bus.subscribe(claims);
            subscribers.forEach(bus::subscribe);
            Map<String, Map<String, String>> settings = new LinkedHashMap<>();
            variants.forEach(v -> settings.put(v.name(), v.settings().values()));
            bus.publish(new ExperimentStarted(plan.name(), readerText(plan), runDirectory, settings, provenance));

            List<Integer> toRun = new ArrayList<>();
            for (int i = 0; i < variants.size(); i++) {
                if (!kept.containsKey(variants.get(i).name())) {
                    toRun.add(i);
                }
            }
            VariantExecutor variantExecutor = executor;
            if (variantExecutor == null) {
                int local = Math.min(options.threads(), Math.max(1, toRun.size()));
                // cores the variants side by side leave over go to each variant's kernels (same bits either way)
                variantExecutor = new LocalVariantExecutor(registry, datasets, Math.max(1, options.threads() / local));
            }
            int atOnce = variantExecutor.atOnce(options.threads(), toRun.size());
            ExecutorService pool = Executors.newFixedThreadPool(atOnce, namedThreads(plan.name()));
            try {
                Map<Integer, Future<RunStatus>> futures = new LinkedHashMap<>();
                VariantExecutor runs = variantExecutor;
                for (int i : toRun) {
                    Variant v = variants.get(i);
                    VariantJob job = new VariantJob(plan.name(), v, runDirectory, folders.get(i), resuming);
                    futures.put(i, pool.submit(() -> {
                        VariantOutcome outcome = runs.run(job, bus);
                        writeFailures.addAll(outcome.writeFailures());
                        outcome.failure().ifPresent(f -> {
                            synchronized (failures) {
                                failures.put(v.name(), f);
                            }
                        });
                        json.ended(v.name(), outcome.status(), outcome.failure().orElse(null));
                        writeJson(json, runDirectory, writeFailures);
                        return outcome.status();
                    }));
                }
                for (int i = 0; i < variants.size(); i++) {
                    String name = variants.get(i).name();
                    status.put(name, kept.containsKey(name) ? kept.get(name) : await(futures.get(i)));
                }
            } finally {
                pool.shutdownNow();
            }
            long wall = (System.nanoTime() - t0) / 1_000_000;
            json.completed(status, failures, wall);
            writeJson(json, runDirectory, writeFailures);
            claims.verdicts(plan).forEach(bus::publish);
            bus.publish(new ExperimentCompleted(plan.name(), runDirectory, status, wall));
        } finally {
            // in this order: the bus delivers what is queued, then the log is closed
            bus.close();
            writeFailures.addAll(bus.subscriberFailures());
            try {
                log.close();
            } catch (UncheckedIOException e) {
                writeFailures.add(ErrorText.of(e));
            }
        }
        return new ExperimentOutcome(runDirectory, status, failures, (System.nanoTime() - t0) / 1_000_000,
                List.copyOf(writeFailures));
    }

    private static void writeJson(ExperimentJson json, Path runDirectory, Set<String> writeFailures) {
        try {
            json.write(runDirectory);
        } catch (UncheckedIOException e) {
            writeFailures.add(ErrorText.of(e));
        }
    }

    private void validate(ExperimentPlan plan, List<Variant> variants) {
        List<String> problems = new ArrayList<>();
        if (variants.isEmpty()) {
            problems.add("experiment '" + plan.name() + "' has no variants");
        }
        Set<String> names = new HashSet<>();
        for (Variant v : variants) {
            if (!names.add(v.name())) {
                problems.add("two variants are named '" + v.name() + "'");
            }
            try {
                registry.get(ComponentKind.TRAINER, v.settings().get(RuntimeSettings.TRAINER));
            } catch (UnknownComponentException e) {
                problems.add("variant '" + v.name() + "': setting 'trainer': " + e.getMessage());
            } catch (RnnlabException e) {
                problems.add("variant '" + v.name() + "': " + e.getMessage());
            }
            heapProblem(v).ifPresent(problems::add);
            taskProblems(v).forEach(p -> problems.add("variant '" + v.name() + "': " + p));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.stream().distinct().toList());
        }
    }

    /**
     * A variant whose task says it needs more heap than there is ({@link Task#minimumHeapBytes}): the least any
     * task it may get says, when the variant does not name one.
     */
    private java.util.Optional<String> heapProblem(Variant v) {
        List<Task> tasks = candidateTasks(v);
        long needed = Long.MAX_VALUE;
        for (Task t : tasks) {
            try {
                needed = Math.min(needed, Math.max(0, t.minimumHeapBytes(v.settings())));
            } catch (RuntimeException e) {
                needed = 0; // a task that cannot say does not stop the run
            }
        }
        if (tasks.isEmpty() || needed <= heapBytes) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(java.util.Locale.ROOT,
                "variant '%s': its model needs at least %,.0f MB of heap but the JVM has %,.0f MB; lower hidden, layers "
                        + "or batch, or raise -Xmx (RNNLAB_JAVA_OPTS)", v.name(), needed / 1e6, heapBytes / 1e6));
    }

    /**
     * What the variant's task finds wrong with its settings taken together ({@link Task#settingsProblems}); every
     * task's problems when the variant names none (each speaks only of the keys it reads).
     */
    private List<String> taskProblems(Variant v) {
        List<String> problems = new ArrayList<>();
        for (Task t : candidateTasks(v)) {
            for (String p : t.settingsProblems(v.settings())) {
                if (!problems.contains(p)) {
                    problems.add(p);
                }
            }
        }
        return problems;
    }

    /** The task the variant names, else every task (the dataset chooses once loaded); none for an unknown task. */
    private List<Task> candidateTasks(Variant v) {
        try {
            String named = v.settings().values().get(RuntimeSettings.TASK.name());
            return named != null ? List.of(registry.get(ComponentKind.TASK, named))
                    : registry.all(ComponentKind.TASK).stream().filter(t -> !t.onlyWhenNamed()).toList();
        } catch (RnnlabException e) {
            return List.of(); // an unknown task is the settings validation's to report
        }
    }

    private Path createRunDirectory(Path outputFolder, String experiment, Instant started) {
        Path experimentFolder = FileNames.inside(outputFolder, experiment);
        String stamp = STAMP.format(started.atZone(clock.getZone() == null ? ZoneId.systemDefault() : clock.getZone()));
        try {
            Files.createDirectories(experimentFolder);
            for (int i = 1; ; i++) {
                Path candidate = experimentFolder.resolve(i == 1 ? stamp : stamp + "-" + i);
                try {
                    return Files.createDirectory(candidate);
                } catch (FileAlreadyExistsException e) {
                    // two runs in one second: the second gets a suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder under " + experimentFolder + ": " + e.getMessage(), e);
        }
    }

    private OrderedEventBus subscribeReporters(Path runDirectory, boolean interactive, EventHistory history,
                                               Set<String> writeFailures) {
        OrderedEventBus bus = new OrderedEventBus();
        for (ReporterFactory factory : registry.all(ComponentKind.REPORTER)) {
            try {
                bus.subscribe(factory.create(new ReportContext(runDirectory, interactive, history)),
                        "report '" + factory.id() + "'");
            } catch (RuntimeException | LinkageError e) {
                writeFailures.add("report '" + factory.id() + "' could not start: " + ErrorText.of(e));
                LOG.log(System.Logger.Level.WARNING, "reporter '" + factory.id() + "' could not start and is left out: "
                        + ErrorText.of(e), e);
            }
        }
        return bus;
    }

    private static RunStatus await(Future<RunStatus> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RnnlabException("interrupted while waiting for the variants", e);
        } catch (ExecutionException e) {
            // runVariant catches what a trainer throws; reaching here is a bug in the runner itself
            throw new IllegalStateException(e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory namedThreads(String experiment) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "rnnlab-" + FileNames.safe(experiment) + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** What the report shows under "what to look for": the one-line description, then the lesson. */
    private static String readerText(ExperimentPlan plan) {
        if (plan.lesson().isBlank()) {
            return plan.description();
        }
        String note = DefaultsNote.of(plan.request());
        return plan.description() + "\n\n" + plan.lesson() + (note.isEmpty() ? "" : "\n\n" + note);
    }
}
