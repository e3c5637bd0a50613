package com.amba.payments.app;

import java.nio.file.Path;
import java.util.List;

/** The command that runs {@link Main} in a process of its own, on this JVM and class path, as the jar would run it. */
public final class MainProcess {

    private MainProcess() {
    }

    public static List<String> command() {
        // The jar's manifest says Enable-Native-Access (Netty's epoll library); a plain class path needs the flag.
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName());
    }
}
