package com.amba.payments.adapter.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A loopback TCP proxy between the adapter and PostgreSQL that a test can break. {@link #cut()} drops every
 * connection and refuses new ones (the database is gone); {@link #blackHole()} keeps sockets open but lets
 * nothing through (a partition: packets vanish, nothing is refused); {@link #restore()} heals either. Bytes held
 * back by a black hole are delivered on restore, as TCP would retransmit them.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int MOST_CONNECTIONS = 64;

    private enum Mode { FORWARD, CUT, BLACK_HOLE }

    /** Sees, in order, the bytes one client connection sends to the server (one instance per connection). */
    public interface ClientBytes {
        void seen(byte[] bytes, int length);
    }

    private static final Supplier<ClientBytes> NO_TAP = () -> (bytes, length) -> { };

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object modeChanged = new Object();
    private volatile Mode mode = Mode.FORWARD;
    private volatile boolean closed;

    private final Supplier<ClientBytes> tap;

    private TcpProxy(ServerSocket server, InetSocketAddress target, Supplier<ClientBytes> tap) {
        this.server = server;
        this.target = target;
        this.tap = tap;
    }

    public static TcpProxy to(String host, int port) throws IOException {
        return to(host, port, NO_TAP);
    }

    /** A proxy that also shows {@code tap} what each client sends (to count round trips, say). */
    public static TcpProxy to(String host, int port, Supplier<ClientBytes> tap) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TcpProxy proxy = new TcpProxy(server, new InetSocketAddress(host, port), tap);
        Thread.ofVirtual().name("tcp-proxy-accept").start(proxy::acceptLoop);
        return proxy;
    }

    public int port() {
        return server.getLocalPort();
    }

    public void cut() {
        setMode(Mode.CUT);
        sockets.forEach(TcpProxy::closeQuietly);
    }

    public void blackHole() {
        setMode(Mode.BLACK_HOLE);
    }

    public void restore() {
        setMode(Mode.FORWARD);
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        sockets.forEach(TcpProxy::closeQuietly);
        restore();
    }

    private void setMode(Mode next) {
        synchronized (modeChanged) {
            mode = next;
            modeChanged.notifyAll();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (mode == Mode.CUT || sockets.size() >= MOST_CONNECTIONS) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(target, 1_000);
                sockets.add(client);
                sockets.add(upstream);
                ClientBytes sent = tap.get();
                Thread.ofVirtual().start(() -> pump(client, upstream, sent));
                Thread.ofVirtual().start(() -> pump(upstream, client, NO_TAP.get()));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, ClientBytes seen) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                awaitPassage();
                seen.seen(buffer, read);
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The other pump, a cut or close() ended the connection; both sockets are closed below.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    /** Holds bytes back while the network is a black hole. */
    private void awaitPassage() throws InterruptedException {
        synchronized (modeChanged) {
            while (mode == Mode.BLACK_HOLE && !closed) {
                modeChanged.wait();
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Already closed.
        }
    }
}
