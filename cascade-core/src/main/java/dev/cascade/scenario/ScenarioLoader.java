package dev.cascade.scenario;

import dev.cascade.agents.AgentRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads a scenario YAML file (format: docs/scenario-format.md) into a {@link ScenarioSpec},
 * checking it against the agent families of a registry. Never throws for bad input: every problem,
 * from a missing file to a parameter out of range, comes back as a located {@link ScenarioError},
 * and all of them are collected, not just the first.
 *
 * <p>Only a regular file is read (symbolic links are followed to one): a FIFO would block the
 * reader forever and a device never ends. Its size is checked before it is opened and again while
 * it is read. Error messages quote text from the file only once it has shown itself to be a
 * plausible scenario, a YAML mapping at the top level (see {@link YamlTreeReader}), so a file named
 * by mistake, or by someone else through a symbolic link, is not echoed to the terminal.
 */
public final class ScenarioLoader {
  /**
   * Files larger than this (1 MiB) are refused unread: a scenario is a few kilobytes (the largest
   * shipped is 23 KB), and the YAML parser's cost grows faster than the length of a long line.
   */
  public static final int MAX_BYTES = 1 << 20;

  /**
   * Lines longer than this (32 KiB characters) are refused before parsing: a one-line description
   * at its limit fits, and the parser's cost on a long line grows with the square of its length.
   */
  public static final int MAX_LINE_CHARS = 1 << 15;

  private ScenarioLoader() {}

  /** Reads and parses a UTF-8 file; {@code file.toString()} names it in errors. */
  public static LoadResult load(Path file, AgentRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    ScenarioText text = read(file);
    if (!text.ok()) {
      return new LoadResult(Optional.empty(), text.errors());
    }
    return parse(text.text().orElseThrow(), text.fileName(), registry);
  }

  /**
   * Reads a scenario file's text once: a regular file of at most {@link #MAX_BYTES} bytes of UTF-8.
   * {@code file.toString()} names it in errors. Parse the text with {@link #parse}.
   */
  public static ScenarioText read(Path file) {
    Objects.requireNonNull(file, "file");
    String name = file.toString();
    ScenarioErrors errors = new ScenarioErrors(name);
    byte[] bytes = readBytes(file, errors);
    String text = bytes == null ? null : decode(bytes, errors);
    return new ScenarioText(name, Optional.ofNullable(text), errors.sorted());
  }

  /** Parses scenario text; {@code fileName} names it in errors. */
  public static LoadResult parse(String text, String fileName, AgentRegistry registry) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(registry, "registry");
    ScenarioErrors errors = new ScenarioErrors(fileName);
    if (text.length() > MAX_BYTES) {
      errors.add(0, 0, "", tooLarge("the text is", text.length(), "characters"));
      return new LoadResult(Optional.empty(), errors.sorted());
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (!linesShortEnough(text, errors)) {
      return new LoadResult(Optional.empty(), errors.sorted());
    }
    YamlNode root = YamlTreeReader.read(text, errors);
    ScenarioReader reader = new ScenarioReader(registry, errors);
    ScenarioSpec spec = root == null ? null : reader.read(root);
    if (errors.count() > 0 || spec == null) {
      if (errors.count() == 0) {
        throw new IllegalStateException("no spec and no error for " + fileName);
      }
      return new LoadResult(Optional.empty(), errors.sorted());
    }
    return new LoadResult(Optional.of(spec), errors.sorted(), reader.warnings(fileName, spec));
  }

  /**
   * Reports the first line longer than {@link #MAX_LINE_CHARS}; true if there is none. Checked
   * before parsing: SnakeYAML re-copies its look-ahead buffer for every 1,024 characters of a token
   * it scans, so a scalar on one long line costs the square of its length (a 1 MiB line: 2 s and
   * 400 MB of garbage; a 32 KiB one: nothing to notice).
   */
  private static boolean linesShortEnough(String text, ScenarioErrors errors) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > MAX_LINE_CHARS) {
          errors.add(
              line,
              MAX_LINE_CHARS + 1,
              "",
              String.format(
                  Locale.ROOT,
                  "the line is %,d characters long; lines are at most %,d (write a long"
                      + " description as a block: description: |)",
                  i - start,
                  MAX_LINE_CHARS));
          return false;
        }
        line++;
        start = i + 1;
      }
    }
    return true;
  }

  /** "the file is 3.0 MiB (3,145,728 bytes); the limit is 1 MiB (1,048,576 bytes) ...". */
  private static String tooLarge(String what, long size, String unit) {
    return String.format(
        Locale.ROOT,
        "%s %.1f MiB (%,d %s); the limit is 1 MiB (%,d %s): a scenario is a few kilobytes",
        what,
        size / (double) (1 << 20),
        size,
        unit,
        MAX_BYTES,
        unit);
  }

  private static byte[] readBytes(Path file, ScenarioErrors errors) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (a.isDirectory()) {
        errors.add(0, 0, "", "is a directory, not a scenario file");
        return null;
      }
      if (!a.isRegularFile()) {
        errors.add(
            0,
            0,
            "",
            "is not a regular file (a pipe, socket or device?); a scenario is read from a file");
        return null;
      }
      if (a.size() > MAX_BYTES) {
        errors.add(0, 0, "", tooLarge("the file is", a.size(), "bytes"));
        return null;
      }
      try (InputStream in = Files.newInputStream(file)) {
        // The file may have grown since its size was read: never read more than the limit.
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          errors.add(0, 0, "", tooLarge("the file is over", MAX_BYTES, "bytes"));
          return null;
        }
        return bytes;
      }
    } catch (NoSuchFileException e) {
      errors.add(0, 0, "", "no such file");
    } catch (AccessDeniedException e) {
      errors.add(0, 0, "", "permission denied");
    } catch (IOException e) {
      errors.add(0, 0, "", "cannot read the file: " + e.getMessage());
    }
    return null;
  }

  /** Strict UTF-8; the first undecodable byte is reported with its line and (byte) column. */
  private static String decode(byte[] bytes, ScenarioErrors errors) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      int at = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      errors.add(
          line,
          at - lineStart + 1,
          "",
          String.format("the file is not UTF-8 text: unreadable byte 0x%02X", bytes[at] & 0xff));
      return null;
    }
    out.flip();
    return out.toString();
  }
}
