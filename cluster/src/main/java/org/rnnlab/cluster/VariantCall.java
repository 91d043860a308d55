package org.rnnlab.cluster;

import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.IMap;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.Variant;
import org.rnnlab.runtime.VariantJob;
import org.rnnlab.runtime.VariantOutcome;
import org.rnnlab.runtime.events.EventLines;

/**
 * One variant, sent by the coordinator to the member that trains it. On the member it trains the variant in a
 * scratch folder with the member's plugins (after putting the checkpoint it resumes from there), forwards its
 * events ({@link ForwardingBus}), ends the event queue with {@link #END}, and returns the folder's files.
 */
final class VariantCall implements Callable<VariantResult>, Serializable, HazelcastInstanceAware {
    @Serial
    private static final long serialVersionUID = 1L;
    /** The last line of a variant's event queue: the variant ended and its result follows. */
    static final String END = "END";

    private final String experiment;
    private final String variant;
    private final HashMap<String, String> settings;
    private final long seed;
    private final String folder;
    private final boolean resume;
    private final String queue;
    private final String key;
    private transient HazelcastInstance member;

    VariantCall(VariantJob job, boolean resume, String queue, String key) {
        this.experiment = job.experiment();
        this.variant = job.variant().name();
        this.settings = new HashMap<>(job.variant().settings().values());
        this.seed = job.variant().seed();
        this.folder = job.folder();
        this.resume = resume;
        this.queue = queue;
        this.key = key;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance member) {
        this.member = member;
    }

    @Override
    public VariantResult call() throws Exception {
        WorkerContext context = (WorkerContext) member.getUserContext().get(MemberConfig.CONTEXT);
        Path runDirectory = Files.createTempDirectory(context.scratch(), "run-");
        try {
            VariantJob job = new VariantJob(experiment, new Variant(variant, Settings.of(settings), seed),
                    runDirectory, folder, resume);
            IMap<String, CheckpointFiles.Entry> checkpoints = member.getMap(MemberConfig.CHECKPOINTS);
            CheckpointFiles.Entry from = resume ? checkpoints.get(key) : null;
            if (from != null) {
                CheckpointFiles.install(job.folderPath(), from);
            }
            IQueue<String> events = member.getQueue(queue);
            ForwardingBus bus = new ForwardingBus(events, checkpoints, key, new EventLines(runDirectory), context.traffic());
            context.say("training " + experiment + " " + variant
                    + (from != null ? " from its checkpoint of epoch " + from.epoch() : ""));
            long started = System.nanoTime();
            VariantOutcome outcome = context.executor().run(job, bus);
            long trained = System.nanoTime() - started;
            Map<String, byte[]> files = FolderFiles.read(job.folderPath());
            events.put(END);
            context.say(outcome.status() + " " + experiment + " " + variant);
            return new VariantResult(outcome.status().name(), outcome.failure().orElse(null), outcome.writeFailures(),
                    files, trained);
        } finally {
            FolderFiles.deleteQuietly(runDirectory);
        }
    }
}
