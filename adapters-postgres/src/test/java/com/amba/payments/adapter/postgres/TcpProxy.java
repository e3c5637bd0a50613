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

/**
 * A loopback TCP proxy between the adapter and PostgreSQL that a test can break. {@link #cut()} drops every
 * connection and refuses new ones (the database is gone); {@link #blackHole()} keeps sockets open but lets
 * nothing through (a partition: packets vanish, nothing is refused); {@link #restore()} heals either. Bytes held
 * back by a black hole are delivered on restore, as TCP would retransmit them.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int MOST_CONNECTIONS = 64;

    private enum Mode { FORWARD, CUT, BLACK_HOLE }

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object modeChanged = new Object();
    private volatile Mode mode = Mode.FORWARD;
    private volatile boolean closed;

    private TcpProxy(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    public static TcpProxy to(String host, int port) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TcpProxy proxy = new TcpProxy(server, new InetSocketAddress(host, port));
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
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                awaitPassage();
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
