package io.tracejdbc.tck;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the database servers of the kit are up. A run without a server skips its tests with a
 * message naming it, unless {@code TRACEJDBC_REQUIRE_SERVERS=1} (as CI sets), which makes it fail.
 */
public final class Servers {
  static final String REQUIRE_SERVERS = "TRACEJDBC_REQUIRE_SERVERS";
  private static final int CONNECT_TIMEOUT_MS = 2_000;
  private static final Map<String, Boolean> REACHABLE = new ConcurrentHashMap<>();

  private Servers() {}

  /** Skips (or, when servers are required, fails) the current test unless {@code name} answers. */
  public static void assumeReachable(String name, String host, int port) {
    String address = host + ":" + port;
    boolean reachable = REACHABLE.computeIfAbsent(address, key -> answers(host, port));
    if (reachable) {
      return;
    }
    String message = name + " is not reachable at " + address;
    if ("1".equals(System.getenv(REQUIRE_SERVERS))) {
      fail(message + ", and " + REQUIRE_SERVERS + "=1 requires it");
    }
    assumeTrue(
        false, message + ": skipping its tests (set " + REQUIRE_SERVERS + "=1 to fail instead)");
  }

  private static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
