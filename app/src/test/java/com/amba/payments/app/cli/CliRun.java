package com.amba.payments.app.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One in-process run of {@code amba}: its exit code and everything it printed. */
record CliRun(int exitCode, String out, String err) {

    /**
     * Runs the CLI with the given environment. Every run checks that no secret in {@code secrets} was printed,
     * so each test also proves the token never leaks, whatever its command did.
     */
    static CliRun of(Map<String, String> env, String[] args, String... secrets) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AmbaCli.execute(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        CliRun run = new CliRun(code, out.toString(), err.toString());
        for (String secret : secrets) {
            assertFalse(run.out.contains(secret) || run.err.contains(secret),
                    () -> "a secret was printed by amba " + String.join(" ", args).replace(secret, "<secret>"));
        }
        return run;
    }

    /** The first group of {@code pattern} in standard output; fails the test when it is absent. */
    String find(String pattern) {
        Matcher matcher = Pattern.compile(pattern, Pattern.MULTILINE).matcher(out);
        if (!matcher.find()) {
            throw new AssertionError("no match for " + pattern + " in:\n" + this);
        }
        return matcher.group(1);
    }

    /** The line of standard output that starts with {@code prefix}; fails the test when there is none. */
    String lineStartingWith(String prefix) {
        return out.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + prefix + " in:\n" + this));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
