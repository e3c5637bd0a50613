package com.amba.payments.adapter.postgres;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Counts database round trips and commits by reading what the clients send PostgreSQL (frontend protocol v3),
 * as a {@link TcpProxy} tap. A round trip is a message the client then waits on: {@code Sync} (the end of an
 * extended-protocol batch) or a simple {@code Query}. A commit is a {@code COMMIT}, or a round trip outside a
 * transaction whose statements write (INSERT, UPDATE, DELETE, or a WITH that does). Prepared statements are
 * remembered per connection, so a statement bound again by name is still known.
 */
final class PgRoundTrips implements Supplier<TcpProxy.ClientBytes> {

    /** One round trip: the statements it carried, and whether it committed. */
    record RoundTrip(List<String> statements, boolean committed) {
        @Override
        public String toString() {
            return (committed ? "[commit] " : "") + String.join(" ; ", statements.stream()
                    .map(sql -> sql.length() > 70 ? sql.substring(0, 70) + "…" : sql).toList());
        }
    }

    private final List<RoundTrip> trips = new ArrayList<>();

    @Override
    public TcpProxy.ClientBytes get() {
        return new Connection();
    }

    synchronized List<RoundTrip> since(int mark) {
        return List.copyOf(trips.subList(mark, trips.size()));
    }

    synchronized int mark() {
        return trips.size();
    }

    private synchronized void add(RoundTrip trip) {
        trips.add(trip);
    }

    /** The parser of one connection's stream: messages may span reads, and one read may hold several. */
    private final class Connection implements TcpProxy.ClientBytes {
        private final Map<String, String> prepared = new HashMap<>();
        private final List<String> batch = new ArrayList<>();
        private byte[] pending = new byte[0];
        private boolean started;
        private boolean inTransaction;

        @Override
        public void seen(byte[] bytes, int length) {
            byte[] all = new byte[pending.length + length];
            System.arraycopy(pending, 0, all, 0, pending.length);
            System.arraycopy(bytes, 0, all, pending.length, length);
            int at = 0;
            while (true) {
                int header = started ? 5 : 4;
                if (all.length - at < header) {
                    break;
                }
                int lengthAt = started ? at + 1 : at;
                int size = ((all[lengthAt] & 0xff) << 24) | ((all[lengthAt + 1] & 0xff) << 16)
                        | ((all[lengthAt + 2] & 0xff) << 8) | (all[lengthAt + 3] & 0xff);
                int total = (started ? 1 : 0) + size;
                if (all.length - at < total) {
                    break;
                }
                if (started) {
                    message((char) all[at], all, at + 5, at + total);
                } else if (size > 8) {
                    started = true; // the startup message (an 8-byte one is an SSL or GSS request: another follows)
                }
                at += total;
            }
            pending = java.util.Arrays.copyOfRange(all, at, all.length);
        }

        private void message(char type, byte[] bytes, int from, int to) {
            switch (type) {
                case 'P' -> {
                    int nameEnd = end(bytes, from);
                    String name = text(bytes, from, nameEnd);
                    String sql = text(bytes, nameEnd + 1, end(bytes, nameEnd + 1));
                    prepared.put(name, sql);
                    batch.add("PARSE " + sql);
                }
                case 'B' -> {
                    int portalEnd = end(bytes, from);
                    String statement = text(bytes, portalEnd + 1, end(bytes, portalEnd + 1));
                    batch.add(prepared.getOrDefault(statement, "?" + statement));
                }
                case 'Q' -> {
                    batch.add(text(bytes, from, end(bytes, from)));
                    roundTrip();
                }
                case 'S' -> roundTrip();
                default -> {
                    // Describe, Execute, Close, Flush, password, Terminate: part of a batch or no wait at all.
                }
            }
        }

        private void roundTrip() {
            boolean committed = false;
            boolean writes = false;
            for (String statement : batch) {
                String sql = statement.strip().toUpperCase(Locale.ROOT);
                if (sql.startsWith("PARSE ")) {
                    continue;
                }
                if (sql.startsWith("BEGIN")) {
                    inTransaction = true;
                } else if (sql.startsWith("COMMIT")) {
                    inTransaction = false;
                    committed = true;
                } else if (sql.startsWith("ROLLBACK")) {
                    inTransaction = false;
                } else if (sql.startsWith("INSERT") || sql.startsWith("UPDATE") || sql.startsWith("DELETE")
                        || (sql.startsWith("WITH") && (sql.contains(" INSERT ") || sql.contains("(INSERT ")
                        || sql.contains(" UPDATE ") || sql.contains(" DELETE ")))) {
                    writes = true;
                }
            }
            if (writes && !inTransaction) {
                committed = true;
            }
            add(new RoundTrip(List.copyOf(batch), committed));
            batch.clear();
        }

        private static int end(byte[] bytes, int from) {
            int at = from;
            while (bytes[at] != 0) {
                at++;
            }
            return at;
        }

        private static String text(byte[] bytes, int from, int to) {
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }
    }
}
