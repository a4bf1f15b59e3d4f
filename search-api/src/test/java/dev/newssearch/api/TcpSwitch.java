package dev.newssearch.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP forwarder that can be switched off (connections refused) and on again on the same
 * port: Elasticsearch "going away and coming back" without restarting a node.
 */
final class TcpSwitch implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private final int targetPort;
  private final int port;
  private volatile ServerSocket server;
  private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

  TcpSwitch(int targetPort) throws IOException {
    this.targetPort = targetPort;
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      this.port = probe.getLocalPort();
    }
  }

  int port() {
    return port;
  }

  synchronized void on() throws IOException {
    if (server != null) {
      return;
    }
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    server = s;
    thread("accept", () -> {
      while (!s.isClosed()) {
        Socket client;
        try {
          client = s.accept();
        } catch (IOException e) {
          return; // switched off
        }
        try {
          Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
          if (!keep(s, client, upstream)) {
            return; // switched off while this connection was being made: it dies with the others
          }
          thread("up", () -> pipe(client, upstream));
          thread("down", () -> pipe(upstream, client));
        } catch (IOException e) {
          closeQuietly(client); // the node itself is unreachable: so is the switch
        }
      }
    });
  }

  /**
   * Registers a connection only while {@code s} is still the switch's listener, under the lock that
   * {@link #off()} holds: a connection accepted while the switch goes off (a background request of the
   * app's) would otherwise escape the close and keep answering.
   */
  private synchronized boolean keep(ServerSocket s, Socket client, Socket upstream) throws IOException {
    if (server != s) {
      client.close();
      upstream.close();
      return false;
    }
    open.add(client);
    open.add(upstream);
    return true;
  }

  synchronized void off() throws IOException {
    if (server != null) {
      server.close();
      server = null;
    }
    // pooled keep-alive connections must die too, as they would with a stopped node
    for (Socket s : open) {
      s.close();
    }
    open.clear();
  }

  @Override
  public void close() throws IOException {
    off();
  }

  private static void pipe(Socket from, Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // one side closed: close both
    } finally {
      try {
        from.close();
        to.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  private static void thread(String name, Runnable r) {
    Thread t = new Thread(r, "tcp-switch-" + name + "-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    t.start();
  }
}
