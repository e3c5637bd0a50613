package com.amba.payments.adapter.postgres;

import io.vertx.core.Vertx;

/** A store on a scratch database of its own, with the Vert.x it runs on; closing it drops the database. */
record OpenStore(Vertx vertx, ScratchDatabase database, PostgresStore store) implements AutoCloseable {

    static OpenStore open() {
        Vertx vertx = Vertx.vertx();
        ScratchDatabase database = ScratchDatabase.create();
        return new OpenStore(vertx, database, PostgresStore.connect(vertx, database.url(), PostgresSettings.defaults()));
    }

    @Override
    public void close() {
        store.close();
        vertx.close().await();
        database.close();
    }
}
