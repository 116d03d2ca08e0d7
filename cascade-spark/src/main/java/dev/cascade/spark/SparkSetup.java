package dev.cascade.spark;

import dev.cascade.cli.PathOutcome;
import dev.cascade.scenario.Simulation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;

/** The Spark configuration of a Cascade batch: master, application, the jars executors need. */
final class SparkSetup {
  /**
   * System property: jars to ship to executors instead of the ones found beside Cascade's classes,
   * separated by the path separator.
   */
  static final String JARS = "cascade.spark.jars";

  private SparkSetup() {}

  static SparkConf conf(String master, String appName) {
    SparkConf conf =
        new SparkConf()
            .setMaster(master)
            .setAppName(appName)
            // No web UI: a batch is short and the CLI prints its own progress.
            .set("spark.ui.enabled", "false")
            .set("spark.ui.showConsoleProgress", "false");
    if (master.startsWith("local") || loopback(master)) {
      // Everything on this machine: keep the driver on the loopback interface.
      conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
    }
    if (!master.startsWith("local")) {
      // Executors in other JVMs load Cascade from the jars the driver runs.
      conf.set("spark.jars", String.join(",", shippedJars()));
    }
    return conf;
  }

  /**
   * Refuses a standalone master that no one answers at (Spark itself would retry for a minute,
   * printing a stack trace every 20 s).
   *
   * @throws IllegalArgumentException naming the addresses tried
   */
  static void checkReachable(String master) {
    if (!master.startsWith("spark://")) {
      return;
    }
    String hosts = master.substring("spark://".length());
    for (String hp : hosts.split(",")) {
      int colon = hp.lastIndexOf(':');
      try (java.net.Socket s = new java.net.Socket()) {
        s.connect(
            new java.net.InetSocketAddress(
                hp.substring(0, colon), Integer.parseInt(hp.substring(colon + 1))),
            5000);
        return;
      } catch (IOException | IllegalArgumentException e) {
        // the next one, if any
      }
    }
    throw new IllegalArgumentException(
        "no Spark master answers at "
            + hosts
            + " (tools/spark-cluster start runs one on this machine; status prints its URL)");
  }

  private static boolean loopback(String master) {
    String hosts = master.substring(master.indexOf("://") + 3);
    for (String hp : hosts.split(",")) {
      String h = hp.substring(0, hp.lastIndexOf(':'));
      if (!(h.equals("localhost") || h.startsWith("127."))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The jars holding Cascade's classes on this JVM: the cascade-spark jar and the CLI's (the shaded
   * cascade.jar under ./cascade, which carries every dependency), plus the core's when it is apart.
   * A class directory (a build's target/classes) is packed into a temporary jar first.
   */
  static List<String> shippedJars() {
    String given = System.getProperty(JARS);
    Set<Path> where = new LinkedHashSet<>();
    if (given != null && !given.isBlank()) {
      for (String p : given.split(java.io.File.pathSeparator)) {
        where.add(Path.of(p));
      }
    }
    where.add(codeSource(SparkPathExecutor.class));
    where.add(codeSource(PathOutcome.class));
    where.add(codeSource(Simulation.class));
    List<String> jars = new ArrayList<>();
    for (Path p : where) {
      jars.add((Files.isDirectory(p) ? packed(p) : p).toAbsolutePath().toUri().toString());
    }
    return jars;
  }

  private static Path codeSource(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the classes of " + c + " are at no file path", e);
    }
  }

  /** A class directory as a temporary jar, deleted when the JVM exits. */
  private static Path packed(Path dir) {
    try {
      Path jar = Files.createTempFile("cascade-classes-", ".jar");
      jar.toFile().deleteOnExit();
      try (OutputStream o = Files.newOutputStream(jar);
          JarOutputStream j = new JarOutputStream(o);
          Stream<Path> files = Files.walk(dir)) {
        for (Path f : (Iterable<Path>) files.sorted()::iterator) {
          if (Files.isRegularFile(f)) {
            j.putNextEntry(new JarEntry(dir.relativize(f).toString().replace('\\', '/')));
            Files.copy(f, j);
            j.closeEntry();
          }
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("could not pack " + dir + " for Spark's executors", e);
    }
  }
}
