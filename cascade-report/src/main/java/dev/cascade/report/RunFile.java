package dev.cascade.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * A file of a run directory, read only if it is a regular file inside the directory: never through
 * a symbolic link. A run directory can come from someone else (a colleague's tarball, a clone), and
 * the report embeds what it reads, so a link named scenario.yaml or bars-1m.csv pointing at
 * /etc/passwd or a private key would carry that file into report.html. The run directory itself may
 * be reached through links: the user named it.
 *
 * <p>The check and the open both refuse links ({@link LinkOption#NOFOLLOW_LINKS}; on Linux the open
 * is O_NOFOLLOW), so a link swapped in between is refused too. Parquet tables are opened by DuckDB,
 * which follows links: for them only the check applies. A hard link is an ordinary file and is
 * read.
 */
final class RunFile {
  private RunFile() {}

  /**
   * Whether the directory holds something of this name; a symbolic link counts, dangling or not.
   */
  static boolean exists(Path file) {
    return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Checks that {@code file} is a regular file and not a symbolic link.
   *
   * @throws NoSuchFileException when it is missing (for the caller's own message)
   * @throws RunDataException when it is something else
   */
  static void check(Path file) throws IOException, RunDataException {
    BasicFileAttributes a =
        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (a.isSymbolicLink()) {
      throw new RunDataException(
          file,
          0,
          "is a symbolic link; a run directory's files are read only as regular files inside it,"
              + " so that no link can bring in a file from elsewhere");
    }
    if (!a.isRegularFile()) {
      throw new RunDataException(file, 0, "is not a regular file");
    }
  }

  /** Opens a checked file for reading, refusing a symbolic link at the open too. */
  static InputStream open(Path file) throws IOException, RunDataException {
    check(file);
    return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * A checked file as UTF-8 lines; malformed bytes are an error, as with Files.newBufferedReader.
   */
  static BufferedReader reader(Path file) throws IOException, RunDataException {
    return new BufferedReader(
        new InputStreamReader(open(file), StandardCharsets.UTF_8.newDecoder()), 1 << 16);
  }

  /**
   * A whole checked file, at most {@code maxBytes} long.
   *
   * @throws RunDataException when it is longer, a link or not a regular file
   */
  static byte[] readAll(Path file, int maxBytes) throws IOException, RunDataException {
    try (InputStream in = open(file)) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new RunDataException(
            file, 0, String.format(Locale.ROOT, "is larger than %,d bytes", maxBytes));
      }
      return bytes;
    }
  }
}
