package dev.cascade.spark;

import dev.cascade.cli.PathBatch;
import dev.cascade.cli.PathExecutor;
import dev.cascade.cli.PathOutcome;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import scala.collection.Iterator;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The paths of a sweep or an attribution as Spark tasks, one task per path: the batch (the
 * scenario's text, its scaling, the jobs) travels with each task and {@link PathBatch#run} runs the
 * path on the executor, exactly as a local thread would. Each outcome is handed to the command on
 * the driver as its task ends (a job submitted with a result handler), so the partial directory
 * records paths as they finish and {@code --resume} works as it does locally.
 */
public final class SparkPathExecutor implements PathExecutor {
  private final JavaSparkContext sc;
  private final String master;

  SparkPathExecutor(SparkConf conf) {
    this.master = conf.get("spark.master");
    this.sc = new JavaSparkContext(conf);
  }

  /** Found by the CLI with {@link java.util.ServiceLoader}: {@code --spark MASTER}. */
  public static final class Provider implements PathExecutor.Provider {
    @Override
    public String name() {
      return "spark";
    }

    @Override
    public PathExecutor open(String master, String appName) {
      SparkSetup.checkReachable(master);
      SparkConf conf = SparkSetup.conf(master, appName);
      try {
        return new SparkPathExecutor(conf);
      } catch (IllegalAccessError | ExceptionInInitializerError e) {
        throw new IllegalArgumentException(
            "Spark could not start in this JVM ("
                + e
                + "): it needs the --add-opens options that ./cascade gives it");
      }
    }
  }

  @Override
  public PathOutcome[] runAll(
      PathBatch batch, Map<Integer, PathOutcome> known, PathOutcome.Finished finished)
      throws InterruptedException {
    int n = batch.jobs().size();
    PathOutcome[] out = new PathOutcome[n];
    List<Object> todo = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      PathOutcome had = known.get(k);
      if (had != null) {
        out[k] = had;
      } else {
        todo.add(k);
      }
    }
    if (todo.isEmpty()) {
      return out;
    }
    // One partition, and so one task, per path: Spark spreads them over the executors' cores.
    List<Integer> jobs = new ArrayList<>();
    todo.forEach(k -> jobs.add((Integer) k));
    RDD<Integer> rdd = sc.parallelize(jobs, jobs.size()).rdd();
    List<Object> partitions = new ArrayList<>();
    for (int p = 0; p < jobs.size(); p++) {
      partitions.add(p);
    }
    Seq<Object> parts = CollectionConverters.asScala(partitions).toSeq();
    BlockingQueue<Arrived> arrived = new LinkedBlockingQueue<>();
    SimpleFutureAction<BoxedUnit> job =
        sc.sc().submitJob(rdd, new RunPath(batch), parts, new Collect(arrived), new Nothing());
    boolean ok = false;
    try {
      for (int got = 0; got < jobs.size(); ) {
        Arrived a = arrived.poll(100, TimeUnit.MILLISECONDS);
        if (a == null) {
          // A job ends after its last result was handed over: ended with results missing, it
          // failed (a task failed past its retries, the context stopped, the job was cancelled).
          if (job.isCompleted() && arrived.isEmpty()) {
            failure(job);
          }
          continue;
        }
        int k = jobs.get(a.partition());
        out[k] = a.outcome();
        finished.accept(k, a.outcome());
        got++;
      }
      ok = true;
      return out;
    } finally {
      if (!ok) {
        job.cancel();
      }
    }
  }

  /** Rethrows the failure of a finished job whose results did not all arrive. */
  private static void failure(SimpleFutureAction<BoxedUnit> job) {
    scala.util.Try<BoxedUnit> result = job.value().get();
    if (result.isSuccess()) {
      throw new IllegalStateException("the Spark job ended without every path's outcome");
    }
    Throwable cause = result.failed().get();
    String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
    throw new Failure("the Spark job failed: " + message, cause);
  }

  @Override
  public String describe() {
    return "Spark " + master;
  }

  @Override
  public void close() {
    sc.stop();
  }

  /** A path's outcome as it reached the driver. */
  private record Arrived(int partition, PathOutcome outcome) {}

  /** Runs the path of a one-element partition, on an executor. */
  private static final class RunPath extends AbstractFunction1<Iterator<Integer>, PathOutcome>
      implements Serializable {
    private static final long serialVersionUID = 1L;
    private final PathBatch batch;

    RunPath(PathBatch batch) {
      this.batch = batch;
    }

    @Override
    public PathOutcome apply(Iterator<Integer> job) {
      return batch.run(job.next());
    }
  }

  /** Hands each task's result to the waiting command, on the driver. */
  private static final class Collect extends AbstractFunction2<Object, PathOutcome, BoxedUnit> {
    private final BlockingQueue<Arrived> arrived;

    Collect(BlockingQueue<Arrived> arrived) {
      this.arrived = arrived;
    }

    @Override
    public BoxedUnit apply(Object partition, PathOutcome outcome) {
      arrived.add(new Arrived((Integer) partition, outcome));
      return BoxedUnit.UNIT;
    }
  }

  /** The job's overall result: nothing, the outcomes went through {@link Collect}. */
  private static final class Nothing extends AbstractFunction0<BoxedUnit> {
    @Override
    public BoxedUnit apply() {
      return BoxedUnit.UNIT;
    }
  }
}
