package com.amba.payments.adapter.postgres;

/**
 * The store's pool of connections (the one behind writes and transactions) at one moment: connections held by a
 * caller, open and idle, callers waiting for one, and the most it opens.
 */
public record PoolUsage(int inUse, int idle, int waiting, int max) {
}
