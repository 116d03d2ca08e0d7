package dev.cascade.serve;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * How {@code cascade serve} runs.
 *
 * @param scenarios the directory whose scenario files the API may run
 * @param runs where runs are written, and past runs listed
 * @param host the address to listen on
 * @param port the port (0: any free port)
 * @param maxRuns runs queued, running or paused at once, at most
 * @param token the bearer token every {@code /api} request must carry, or null for none (only when
 *     listening on a loopback address)
 * @param idleTimeout a live run with no client asking for this long is stopped
 */
public record ServeSettings(
    Path scenarios,
    Path runs,
    String host,
    int port,
    int maxRuns,
    String token,
    Duration idleTimeout) {

  /** The idle timeout of {@code cascade serve}: two minutes without a client. */
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(2);

  public ServeSettings {
    if (maxRuns < 1) {
      throw new IllegalArgumentException("maxRuns must be at least 1, got " + maxRuns);
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
    }
  }

  /** True for the addresses that need no token: 127.0.0.1, ::1, localhost. */
  public static boolean loopback(String host) {
    return host.equals("127.0.0.1")
        || host.equals("localhost")
        || host.equals("::1")
        || host.equals("[::1]");
  }

  /** A fresh random token: 128 bits, hex. */
  public static String newToken() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
