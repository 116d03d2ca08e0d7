package dev.cascade.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cascade.agents.AgentRegistry;
import dev.cascade.scenario.LoadResult;
import dev.cascade.scenario.ScenarioError;
import dev.cascade.scenario.ScenarioLoader;
import dev.cascade.scenario.ScenarioSpec;
import dev.cascade.scenario.ScenarioText;
import dev.cascade.scenario.WithoutNames;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scenario files of one directory, and the only way the API reaches a scenario: by its file
 * name, a plain name of a file directly in the directory. Anything else (a path, {@code ..}, a link
 * out of the directory) is refused.
 */
final class ScenarioCatalog {
  /** Errors listed per invalid file in {@code GET /api/scenarios}. */
  private static final int ERRORS_SHOWN = 5;

  private final Path dir;
  private final AgentRegistry registry;
  private final ObjectMapper json;

  /** A scenario the API may run: its file name, parsed spec and text. */
  record Loaded(String file, ScenarioSpec spec, String text) {}

  ScenarioCatalog(Path dir, AgentRegistry registry, ObjectMapper json) {
    this.dir = dir.toAbsolutePath().normalize();
    this.registry = registry;
    this.json = json;
  }

  Path dir() {
    return dir;
  }

  /** Every {@code .yaml} or {@code .yml} file of the directory, by name, with its status. */
  ArrayNode list() throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
        for (Path p : ds) {
          if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            files.add(p);
          }
        }
      }
    }
    files.sort(null);
    ArrayNode out = json.createArrayNode();
    for (Path p : files) {
      String file = p.getFileName().toString();
      ScenarioText text = ScenarioLoader.read(p);
      LoadResult r =
          text.ok()
              ? ScenarioLoader.parse(text.text().orElseThrow(), text.fileName(), registry)
              : new LoadResult(Optional.empty(), text.errors());
      ObjectNode o = out.addObject();
      o.put("file", file);
      o.put("valid", r.ok());
      if (r.ok()) {
        ScenarioSpec spec = r.spec().orElseThrow();
        o.put("name", spec.name());
        o.put("seed", spec.seed());
        o.put("start", spec.start().toString());
        o.put("end", spec.end().toString());
        WithoutNames names = WithoutNames.of(spec);
        o.set("mechanisms", json.valueToTree(names.mechanisms()));
        o.set("families", json.valueToTree(names.families()));
        o.set("groups", json.valueToTree(names.groups()));
        o.set("shockTypes", json.valueToTree(names.shockTypes()));
        o.set("market", json.valueToTree(names.market()));
        o.set(
            "instruments",
            json.valueToTree(spec.instruments().stream().map(i -> i.symbol()).toList()));
        o.put("warnings", r.warnings().size());
      } else {
        ArrayNode errors = o.putArray("errors");
        r.errors().stream().limit(ERRORS_SHOWN).map(ScenarioError::toString).forEach(errors::add);
        o.put("errorCount", r.errors().size());
      }
    }
    return out;
  }

  /**
   * The scenario named {@code file}, parsed.
   *
   * @throws ApiError 400 for a name that is not a plain file name, 404 for a file not there, 422
   *     for a file with errors
   */
  Loaded load(String file) {
    if (file.isBlank()
        || file.contains("/")
        || file.contains("\\")
        || file.contains("\0")
        || file.equals(".")
        || file.equals("..")) {
      throw ApiError.badRequest(
          "scenario",
          "scenario must be the name of a file in the scenario directory (as GET /api/scenarios"
              + " lists them), not a path: "
              + file);
    }
    Path p = dir.resolve(file).normalize();
    try {
      if (!p.getParent().equals(dir)
          || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
          || !p.toRealPath().getParent().equals(dir.toRealPath())) {
        throw ApiError.notFound("scenario", "no scenario file " + file + " in " + dir);
      }
    } catch (IOException e) {
      throw ApiError.notFound("scenario", "no scenario file " + file + " in " + dir);
    }
    ScenarioText text = ScenarioLoader.read(p);
    LoadResult r =
        text.ok()
            ? ScenarioLoader.parse(text.text().orElseThrow(), text.fileName(), registry)
            : new LoadResult(Optional.empty(), text.errors());
    if (!r.ok()) {
      throw new ApiError(
          422,
          "scenario",
          file
              + " has "
              + r.errors().size()
              + " error(s); the first: "
              + r.errors().get(0)
              + " (cascade validate lists them all)");
    }
    return new Loaded(file, r.spec().orElseThrow(), text.text().orElseThrow());
  }
}
