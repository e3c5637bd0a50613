package com.amba.payments.adapter.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Names to addresses, asked at delivery time (so a name re-pointed after registration is still checked). */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
