package com.amba.payments.app.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The load generator's HTTP/1.1 client: blocking sockets on the caller's virtual thread, kept alive and reused
 * from a pool of idle connections (one per request in flight, as a backend's pooled client would hold them).
 *
 * <p>It replaced the JDK's {@code HttpClient}, which capped the benchmark rather than the service: at 700 creates/s
 * with a 120 ms provider latency a thread dump showed 1010 load-generator threads waiting in
 * {@code HttpClientImpl.send} while only 26 creates were inside the service (asleep in the sandbox), and its
 * single selector thread and connection-pool bookkeeping ({@code ConnectionPool$ExpiryList.remove}, a lock on
 * every return to the pool) topped the CPU and lock profiles. Here a request costs a write and a read on a
 * socket the virtual thread parks on; nothing is shared between requests but the idle-connection deque.
 */
final class LoopbackHttp implements AutoCloseable {

    record Response(int status, String body) {
    }

    private final InetSocketAddress address;
    private final int timeoutMillis;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    LoopbackHttp(int port, Duration timeout) {
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    /** Sends one request and reads its whole answer; an I/O failure or a timeout closes that connection. */
    Response send(String method, String path, String apiKey, String jsonBody) throws IOException {
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256)
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(address.getPort()).append("\r\n")
                .append("X-Api-Key: ").append(apiKey).append("\r\n");
        if (jsonBody != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);

        Connection connection = idle.pollFirst();
        if (connection == null) {
            connection = open();
        }
        try {
            connection.out.write(headBytes);
            connection.out.write(body);
            connection.out.flush();
            Response response = connection.read();
            if (connection.keepAlive && !closed) {
                idle.addFirst(connection);
            } else {
                connection.close();
            }
            return response;
        } catch (IOException | RuntimeException failure) {
            connection.close();
            throw failure;
        }
    }

    private Connection open() throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, 2_000);
            socket.setSoTimeout(timeoutMillis);
            return new Connection(socket);
        } catch (IOException failure) {
            socket.close();
            throw failure;
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            c.close();
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean keepAlive = true;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 8192);
            this.out = socket.getOutputStream();
        }

        Response read() throws IOException {
            String statusLine = line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            keepAlive = parts[0].equals("HTTP/1.1");
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            byte[] body;
            if (chunked) {
                body = chunkedBody();
            } else if (length >= 0) {
                body = in.readNBytes(Math.toIntExact(length));
                if (body.length != length) {
                    throw new IOException("connection closed inside a body");
                }
            } else {
                keepAlive = false;
                body = in.readAllBytes();
            }
            return new Response(status, new String(body, StandardCharsets.UTF_8));
        }

        private byte[] chunkedBody() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                byte[] chunk = in.readNBytes(size);
                if (chunk.length != size) {
                    throw new IOException("connection closed inside a chunk");
                }
                body.write(chunk);
                line();
            }
            String trailer;
            do {
                trailer = line();
            } while (!trailer.isEmpty());
            return body.toByteArray();
        }

        private int chunkSize() throws IOException {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            return Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken loopback connection; nothing left to do with it
            }
        }
    }
}
