package dev.cascade.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The proof that Cascade wrote a directory: {@code .cascade-run}, written last into every output
 * directory, with the directory's id, the command that wrote it, and every file with its size and
 * SHA-256. A directory is Cascade's to replace only while its marker parses and every file it lists
 * is there, unchanged, with nothing else beside them.
 *
 * <pre>
 * cascade-output 1
 * id 1b9d...
 * command run
 * file 4096 9f86d0...  summary.json
 * </pre>
 */
record RunMarker(String id, String command, Map<String, Entry> files) {
  /** The marker's file name. */
  static final String FILE = ".cascade-run";

  private static final String HEADER = "cascade-output 1";
  private static final long MAX_BYTES = 1 << 20;

  /** One file as written: size in bytes and SHA-256 in hex. */
  record Entry(long size, String sha256) {}

  /**
   * Writes the marker for every regular file now in {@code dir} (flat: runs have no subfolders).
   */
  static RunMarker write(Path dir, String command) throws IOException {
    return write(dir, command, UUID.randomUUID().toString());
  }

  private static RunMarker write(Path dir, String command, String id) throws IOException {
    Map<String, Entry> files = new TreeMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (name.equals(FILE)) {
          continue;
        }
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          throw new IOException(p + ": not a regular file in an output directory");
        }
        files.put(name, new Entry(Files.size(p), sha256(p)));
      }
    }
    RunMarker m = new RunMarker(id, command, files);
    Path temp = Files.createTempFile(dir, ".cascade-run-", ".tmp");
    Files.writeString(temp, m.text(), StandardCharsets.UTF_8);
    if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // Temporary files are created private; the marker is as readable as the run it describes.
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
    }
    Files.move(
        temp,
        dir.resolve(FILE),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    return m;
  }

  /**
   * Rewrites the marker of {@code dir} after a file was added to it (the report), keeping its id
   * and command; the caller has checked the directory against the old marker first.
   */
  RunMarker rewrite(Path dir) throws IOException {
    return write(dir, command, id);
  }

  /** The marker of {@code dir}, or empty when there is none or it does not parse. */
  static Optional<RunMarker> read(Path dir) {
    Path f = dir.resolve(FILE);
    try {
      if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || Files.size(f) > MAX_BYTES) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      if (lines.size() < 3
          || !lines.get(0).equals(HEADER)
          || !lines.get(1).startsWith("id ")
          || !lines.get(2).startsWith("command ")) {
        return Optional.empty();
      }
      Map<String, Entry> files = new LinkedHashMap<>();
      for (String line : lines.subList(3, lines.size())) {
        String[] w = line.split(" ", 4);
        if (w.length != 4 || !w[0].equals("file") || w[3].contains("/") || w[3].isEmpty()) {
          return Optional.empty();
        }
        files.put(w[3], new Entry(Long.parseLong(w[1]), w[2]));
      }
      return Optional.of(
          new RunMarker(lines.get(1).substring(3), lines.get(2).substring(8), files));
    } catch (IOException | UncheckedIOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * What differs between {@code dir} and this marker: files missing, changed, or not listed (empty
   * when the directory is exactly as Cascade wrote it).
   */
  List<String> differences(Path dir) {
    List<String> diff = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (!name.equals(FILE) && !files.containsKey(name)) {
          diff.add(name + " added");
        }
      }
      for (Map.Entry<String, Entry> e : files.entrySet()) {
        Path p = dir.resolve(e.getKey());
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          diff.add(e.getKey() + " missing");
        } else if (Files.size(p) != e.getValue().size()
            || !sha256(p).equals(e.getValue().sha256())) {
          diff.add(e.getKey() + " changed");
        }
      }
    } catch (IOException | UncheckedIOException e) {
      diff.add("unreadable: " + CliFailure.reason(e));
    }
    return diff;
  }

  private String text() {
    StringBuilder b = new StringBuilder();
    b.append(HEADER).append('\n');
    b.append("id ").append(id).append('\n');
    b.append("command ").append(command).append('\n');
    files.forEach(
        (name, e) ->
            b.append("file ")
                .append(e.size())
                .append(' ')
                .append(e.sha256())
                .append(' ')
                .append(name)
                .append('\n'));
    return b.toString();
  }

  private static String sha256(Path p) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
