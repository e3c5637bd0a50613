package com.amba.payments.app.http;

import com.amba.payments.domain.port.out.StoreUnavailable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/** A switch that makes a store unreachable: while it is on, every call on the wrapped port fails. */
final class Outage {

    private final AtomicBoolean down = new AtomicBoolean();

    void begin() {
        down.set(true);
    }

    void end() {
        down.set(false);
    }

    @SuppressWarnings("unchecked")
    <T> T wrap(Class<T> port, T real) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (down.get() && method.getDeclaringClass() == port) {
                throw new StoreUnavailable("simulated outage of " + port.getSimpleName());
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
