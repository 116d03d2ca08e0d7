package dev.cascade.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run directories Cascade wrote in the runs directory (those with a {@code .cascade-run} marker
 * and a {@code summary.json}), and their reports, which the server serves read-only.
 */
final class PastRuns {
  static final String MARKER = ".cascade-run";
  static final String REPORT = "report.html";

  private final Path dir;
  private final ObjectMapper json;

  PastRuns(Path dir, ObjectMapper json) {
    this.dir = dir.toAbsolutePath().normalize();
    this.json = json;
  }

  Path dir() {
    return dir;
  }

  /** The link under which the server serves a run directory's report. */
  static String reportLink(String runName) {
    return "/runs/"
        + URLEncoder.encode(runName, StandardCharsets.UTF_8).replace("+", "%20")
        + "/"
        + REPORT;
  }

  /** Cascade's run directories, newest first, with what their summary says. */
  ArrayNode list() throws IOException {
    List<Path> runs = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
        for (Path p : ds) {
          if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
              && !p.getFileName().toString().startsWith(".")
              && Files.isRegularFile(p.resolve(MARKER))
              && Files.isRegularFile(p.resolve("summary.json"))) {
            runs.add(p);
          }
        }
      }
    }
    runs.sort(
        (a, b) -> {
          try {
            return Files.getLastModifiedTime(b).compareTo(Files.getLastModifiedTime(a));
          } catch (IOException e) {
            return a.compareTo(b);
          }
        });
    ArrayNode out = json.createArrayNode();
    for (Path p : runs) {
      String name = p.getFileName().toString();
      ObjectNode o = out.addObject();
      o.put("name", name);
      try {
        JsonNode s = json.readTree(p.resolve("summary.json").toFile());
        o.set("scenario", s.path("scenario"));
        o.set("seed", s.path("seed"));
        o.set("without", s.path("without"));
        if (s.has("liquidityScaling")) {
          o.set("liquidity", s.get("liquidityScaling"));
        }
        o.set("tapeHash", s.path("tapeHash"));
        o.set("simulatedEnd", s.path("simulatedEnd"));
      } catch (IOException e) {
        o.put("error", "summary.json unreadable: " + e.getMessage());
      }
      if (Files.isRegularFile(p.resolve(REPORT))) {
        o.put("report", reportLink(name));
      } else {
        o.putNull("report");
      }
    }
    return out;
  }

  /** The report of the run directory {@code name}, if it is one of Cascade's and has one. */
  Optional<Path> report(String name) {
    if (name.isBlank()
        || name.startsWith(".")
        || name.contains("/")
        || name.contains("\\")
        || name.contains("\0")) {
      return Optional.empty();
    }
    Path run = dir.resolve(name).normalize();
    if (!dir.equals(run.getParent())
        || !Files.isDirectory(run, LinkOption.NOFOLLOW_LINKS)
        || !Files.isRegularFile(run.resolve(MARKER))) {
      return Optional.empty();
    }
    Path report = run.resolve(REPORT);
    return Files.isRegularFile(report, LinkOption.NOFOLLOW_LINKS)
        ? Optional.of(report)
        : Optional.empty();
  }
}
