package org.rnnlab.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.exception.TargetNotMemberException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.event.Checkpointed;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventBus;
import org.rnnlab.api.event.RunFailed;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.runtime.ClusterLauncher;
import org.rnnlab.runtime.VariantJob;
import org.rnnlab.runtime.VariantOutcome;
import org.rnnlab.runtime.events.EventLines;

/**
 * The member that runs an experiment: it hands each variant to the member with the most free slots
 * ({@link MemberConfig#SLOTS}; itself included), publishes the variant's events from its queue on the run's bus
 * in the order the trainer published them, mirrors each announced checkpoint into its own run folder, and
 * writes the finished variant's files there. When the member training a variant leaves the cluster (also
 * killed, without a goodbye), the variant starts again on another member from its last checkpoint in the
 * replicated map, and the events the lost member already delivered are not published twice ({@link EventReplay}).
 */
final class ClusterCoordinator implements ClusterLauncher.Coordinator, MembershipListener {
    private static final System.Logger LOG = System.getLogger(ClusterCoordinator.class.getName());
    private static final long POLL_MILLIS = 100;

    private final HazelcastInstance hz;
    private final WorkerContext own;
    private final Traffic traffic = new Traffic();
    private final Map<UUID, Integer> busy = new HashMap<>();

    ClusterCoordinator(HazelcastInstance hz, WorkerContext own) {
        this.hz = hz;
        this.own = own;
        hz.getCluster().addMembershipListener(this);
    }

    /** Threads of the runner that wait for a slot at most: far more slots than a lab cluster has. */
    private static final int WAITING_AT_MOST = 1024;

    @Override
    public int atOnce(int threads, int variants) {
        // every variant waits for a slot at once (up to a bound): the members' slots decide how many train
        return Math.max(1, Math.min(variants, WAITING_AT_MOST));
    }

    @Override
    public VariantOutcome run(VariantJob job, EventBus bus) {
        String key = job.runDirectory().getParent().getFileName() + "/" + job.runDirectory().getFileName() + "/"
                + job.folder();
        IMap<String, CheckpointFiles.Entry> checkpoints = hz.getMap(MemberConfig.CHECKPOINTS);
        EventLines lines = new EventLines(job.runDirectory());
        EventReplay replay = new EventReplay();
        boolean resume = job.resume();
        try {
            if (resume) {
                shareFolderCheckpoint(job, key, checkpoints);
            } else {
                checkpoints.delete(key);
            }
            for (int attempt = 0; ; attempt++) {
                Member member = acquire();
                long handed = System.nanoTime();
                // this process's own queue: a coordinator killed before may have left a member still sending
                IQueue<String> queue = hz.getQueue(MemberConfig.EVENTS + key + ":"
                        + hz.getCluster().getLocalMember().getUuid() + ":" + attempt);
                try {
                    int from = resume ? Optional.ofNullable(checkpoints.get(key)).map(CheckpointFiles.Entry::epoch).orElse(0) : 0;
                    replay.restart(from);
                    Future<VariantResult> result = hz.getExecutorService(MemberConfig.EXECUTOR)
                            .submitToMember(new VariantCall(job, resume, queue.getName(), key), member);
                    Optional<VariantOutcome> outcome = relay(job, member, queue, result, replay, lines, bus, key, handed);
                    if (outcome.isPresent()) {
                        return outcome.get();
                    }
                    traffic.restarts.incrementAndGet();
                    resume = true;
                    CheckpointFiles.Entry last = checkpoints.get(key);
                    LOG.log(System.Logger.Level.WARNING, "member " + member.getAddress() + " left while it trained "
                            + job.variant().name() + "; it goes on on another member from "
                            + (last == null ? "the start" : "its checkpoint of epoch " + last.epoch()));
                } finally {
                    release(member);
                    queue.destroy();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RnnlabException("interrupted while variant '" + job.variant().name() + "' trained on the cluster", e);
        }
    }

    /**
     * Relays the attempt's events until its end line, then writes its files; empty when its member left first.
     */
    private Optional<VariantOutcome> relay(VariantJob job, Member member, IQueue<String> queue,
                                           Future<VariantResult> result, EventReplay replay, EventLines lines,
                                           EventBus bus, String key, long handed) throws InterruptedException {
        // a checkpoint announced but not yet copied: the member puts it into the map after announcing it, so
        // it is there once the member's next line arrives
        int pending = 0;
        while (true) {
            String line = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!alive(member)) {
                    // what the lost member delivered before it went is published; the rest comes again
                    for (String rest = queue.poll(); rest != null; rest = queue.poll()) {
                        if (!VariantCall.END.equals(rest)) {
                            mirror(job, key, pending);
                            pending = relayLine(job, rest, replay, lines, bus, key);
                        }
                    }
                    mirror(job, key, pending);
                    return Optional.empty();
                }
                if (result.isDone() && failedCall(result).isPresent()) {
                    return lostOr(job, member, bus, failedCall(result).get());
                }
                continue;
            }
            if (VariantCall.END.equals(line)) {
                break;
            }
            mirror(job, key, pending);
            pending = relayLine(job, line, replay, lines, bus, key);
        }
        VariantResult r;
        try {
            r = result.get();
        } catch (ExecutionException e) {
            return lostOr(job, member, bus, e.getCause());
        }
        List<String> writeFailures = new java.util.ArrayList<>(r.writeFailures());
        try {
            FolderFiles.write(job.folderPath(), r.files());
        } catch (IOException e) {
            writeFailures.add("cannot write the files of variant '" + job.variant().name() + "' to "
                    + job.folderPath() + ": " + e.getMessage());
        }
        r.files().values().forEach(b -> traffic.fileBytes.addAndGet(b.length));
        traffic.variants.incrementAndGet();
        traffic.coordinationNanos.addAndGet(Math.max(0, System.nanoTime() - handed - r.trainingNanos()));
        return Optional.of(new VariantOutcome(RunStatus.valueOf(r.status()), Optional.ofNullable(r.failure()),
                writeFailures));
    }

    /** Publishes the line's event unless it repeats one; returns the epoch of the checkpoint it announced, else 0. */
    private int relayLine(VariantJob job, String line, EventReplay replay, EventLines lines, EventBus bus, String key) {
        traffic.eventLines.incrementAndGet();
        traffic.eventBytes.addAndGet(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        Event event = lines.read(line);
        if (!replay.accept(event)) {
            return 0;
        }
        bus.publish(event);
        if (event instanceof EpochCompleted) {
            traffic.epochs.incrementAndGet();
        }
        return event instanceof Checkpointed c ? c.epoch() : 0;
    }

    /**
     * The checkpoint of {@code epoch}, announced and logged, into this run's folder as a local run has it, so
     * that a killed coordinator's run can resume (0: none).
     */
    private void mirror(VariantJob job, String key, int epoch) {
        if (epoch == 0) {
            return;
        }
        CheckpointFiles.Entry entry = hz.<String, CheckpointFiles.Entry>getMap(MemberConfig.CHECKPOINTS).get(key);
        if (entry == null || entry.epoch() != epoch) {
            return; // the member was lost before it shared it, or went on: the folder keeps the one before
        }
        traffic.checkpointBytes.addAndGet(entry.bytes().length);
        try {
            CheckpointFiles.install(job.folderPath(), entry);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot keep checkpoint " + entry.name() + " of " + job.variant().name()
                    + " in " + job.folderPath() + ": " + e.getMessage());
        }
    }

    /**
     * A resumed run goes on from its own folder's last checkpoint, which the coordinator mirrored after its
     * events reached the log; a newer one in the map (workers that outlived a killed coordinator went on) would
     * leave the epochs in between out of the log and the metrics.
     */
    private void shareFolderCheckpoint(VariantJob job, String key, IMap<String, CheckpointFiles.Entry> checkpoints) {
        try {
            Optional<CheckpointFiles.Entry> own = CheckpointFiles.newest(job.folderPath());
            if (own.isPresent()) {
                checkpoints.set(key, own.get());
            } else {
                checkpoints.delete(key);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the checkpoints of " + job.folderPath() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Optional<Throwable> failedCall(Future<VariantResult> result) {
        try {
            result.get(0, TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(e.getCause());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Empty (train again) when the call failed because its member left, else the variant FAILED with the reason. */
    private Optional<VariantOutcome> lostOr(VariantJob job, Member member, EventBus bus, Throwable cause) {
        if (!alive(member) || cause instanceof MemberLeftException || cause instanceof TargetNotMemberException) {
            return Optional.empty();
        }
        String message = "member " + member.getAddress() + " could not train it: " + cause;
        bus.publish(new RunFailed(job.experiment(), job.variant().name(), message));
        return Optional.of(new VariantOutcome(RunStatus.FAILED, Optional.of(message), List.of()));
    }

    private boolean alive(Member member) {
        return hz.getLifecycleService().isRunning() && hz.getCluster().getMembers().contains(member);
    }

    /** A slot on the member with the most free ones; waits while every slot is taken. */
    private Member acquire() throws InterruptedException {
        synchronized (busy) {
            while (true) {
                Member best = null;
                int free = 0;
                for (Member m : hz.getCluster().getMembers()) {
                    int f = slots(m) - busy.getOrDefault(m.getUuid(), 0);
                    if (f > free) {
                        best = m;
                        free = f;
                    }
                }
                if (best != null) {
                    busy.merge(best.getUuid(), 1, Integer::sum);
                    return best;
                }
                busy.wait(500);
            }
        }
    }

    private void release(Member member) {
        synchronized (busy) {
            busy.computeIfPresent(member.getUuid(), (k, n) -> n > 1 ? n - 1 : null);
            busy.notifyAll();
        }
    }

    private static int slots(Member m) {
        try {
            return Integer.parseInt(m.getAttribute(MemberConfig.SLOTS));
        } catch (NumberFormatException | NullPointerException e) {
            return 0; // not a lab member
        }
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        LOG.log(System.Logger.Level.INFO, "member " + event.getMember().getAddress() + " joined ("
                + slots(event.getMember()) + " slots)");
        synchronized (busy) {
            busy.notifyAll();
        }
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        LOG.log(System.Logger.Level.WARNING, "member " + event.getMember().getAddress() + " left the cluster");
        synchronized (busy) {
            busy.notifyAll();
        }
    }

    @Override
    public String traffic() {
        return traffic.line();
    }

    @Override
    public void close() {
        try {
            hz.shutdown();
        } finally {
            own.close();
        }
    }
}
