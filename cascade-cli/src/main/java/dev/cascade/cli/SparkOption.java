package dev.cascade.cli;

import java.util.ServiceLoader;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * {@code --spark MASTER}: run the paths of {@code sweep}, {@code attribute} or {@code
 * reverse-stress} as Apache Spark tasks instead of on local threads. The Spark runner lives in the
 * module cascade-spark and is found with {@link ServiceLoader}: the CLI itself does not depend on
 * Spark, and {@code ./cascade} puts it on the classpath only when {@code --spark} is given.
 */
final class SparkOption {
  /** Masters the runner is meant for: local[N], local[*], spark://host:port[,host:port...]. */
  private static final Pattern MASTER =
      Pattern.compile("local(\\[(\\d+|\\*)(,\\d+)?])?|spark://[^/\\s]+(:\\d+)(,[^/\\s]+:\\d+)*");

  @Option(
      names = "--spark",
      paramLabel = "MASTER",
      description =
          "run each path as an Apache Spark task: local[N] (N executor threads in this process) or"
              + " spark://host:port (a standalone cluster: tools/spark-cluster starts one here);"
              + " same results as local threads")
  String master;

  /**
   * What runs the paths: local threads, or Spark when {@code --spark} is given.
   *
   * @throws CliFailure (usage) for a master of another form, {@code --threads} with {@code
   *     --spark}, or no Spark runner on the classpath
   */
  PathExecutor open(String command, ThreadsOption threads, int nThreads) {
    if (master == null) {
      return new LocalThreads(nThreads);
    }
    if (threads.threads != null) {
      throw CliFailure.usage(
          "--threads and --spark do not go together: with Spark the master sets the parallelism"
              + " (local[N], or the cluster's cores)");
    }
    if (!MASTER.matcher(master).matches()) {
      throw CliFailure.usage(
          "--spark "
              + master
              + ": expected local[N], local[*] or spark://host:port (e.g. --spark local[2])");
    }
    for (PathExecutor.Provider p : ServiceLoader.load(PathExecutor.Provider.class)) {
      if (p.name().equals("spark")) {
        try {
          return p.open(master, "cascade " + command);
        } catch (IllegalArgumentException e) {
          throw CliFailure.usage("--spark " + master + ": " + e.getMessage());
        }
      }
    }
    throw CliFailure.usage(
        "--spark needs Cascade's Spark module (cascade-spark) and Spark on the classpath: run"
            + " through ./cascade, which adds them when --spark is given");
  }
}
