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
import java.util.Objects;
import java.util.Optional;

/**
 * Loads a scenario YAML file (format: docs/scenario-format.md) into a {@link ScenarioSpec},
 * checking it against the agent families of a registry. Never throws for bad input: every problem,
 * from a missing file to a parameter out of range, comes back as a located {@link ScenarioError},
 * and all of them are collected, not just the first.
 */
public final class ScenarioLoader {
  /** Files larger than this are refused unread: a scenario is a few kilobytes. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private ScenarioLoader() {}

  /** Reads and parses a UTF-8 file; {@code file.toString()} names it in errors. */
  public static LoadResult load(Path file, AgentRegistry registry) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(registry, "registry");
    String name = file.toString();
    ScenarioErrors errors = new ScenarioErrors(name);
    byte[] bytes = read(file, errors);
    if (bytes == null) {
      return new LoadResult(Optional.empty(), errors.sorted());
    }
    String text = decode(bytes, errors);
    if (text == null) {
      return new LoadResult(Optional.empty(), errors.sorted());
    }
    return parse(text, name, registry);
  }

  /** Parses scenario text; {@code fileName} names it in errors. */
  public static LoadResult parse(String text, String fileName, AgentRegistry registry) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(registry, "registry");
    ScenarioErrors errors = new ScenarioErrors(fileName);
    if (text.length() > MAX_BYTES) {
      errors.add(
          0, 0, "", "the file is larger than " + MAX_BYTES + " bytes; a scenario is far smaller");
      return new LoadResult(Optional.empty(), errors.sorted());
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    YamlNode root = YamlTreeReader.read(text, errors);
    ScenarioSpec spec = root == null ? null : new ScenarioReader(registry, errors).read(root);
    if (errors.count() > 0 || spec == null) {
      if (errors.count() == 0) {
        throw new IllegalStateException("no spec and no error for " + fileName);
      }
      return new LoadResult(Optional.empty(), errors.sorted());
    }
    return new LoadResult(Optional.of(spec), errors.sorted());
  }

  private static byte[] read(Path file, ScenarioErrors errors) {
    if (Files.isDirectory(file)) {
      errors.add(0, 0, "", "is a directory, not a scenario file");
      return null;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        errors.add(
            0, 0, "", "the file is larger than " + MAX_BYTES + " bytes; a scenario is far smaller");
        return null;
      }
      return bytes;
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
