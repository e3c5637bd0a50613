package com.amba.payments.app.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code amba}: the platform owner's command-line tool. It talks to the Admin API (SPEC §8) over HTTP and to
 * nothing else, so it works the same against a laptop's dev service and a production deployment.
 *
 * <p>Exit codes: 0 done; 1 Amba refused ({@code CODE: message} on standard error); 2 nothing was asked (a
 * usage error, no token, or the service could not be reached).
 */
@Command(name = "amba",
        scope = ScopeType.INHERIT,
        description = "Runs Amba Payments for the platform owner, through the Admin API.",
        synopsisSubcommandLabel = "COMMAND",
        usageHelpWidth = 100,
        subcommands = {PaymentsCommands.class, ProjectsCommands.class, KeysCommands.class, AccountsCommands.class,
            WebhooksCommands.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:Amba refused: CODE: message on standard error",
            "2:usage error, no admin token, or the service cannot be reached"})
public final class AmbaCli implements AutoCloseable {

    static final String DEFAULT_URL = "http://localhost:8080";
    static final String URL_VARIABLE = "AMBA_URL";
    static final String TOKEN_VARIABLE = "AMBA_ADMIN_TOKEN";
    private static final String REDACTED = "[admin token]";
    /** What a token is made of: a value bounded by anything else (space, quote, =, comma) stands alone. */
    private static final String TOKEN_CHARACTERS = "A-Za-z0-9_\\-.~+/";

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help.")
    boolean help;

    @Option(names = "--url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The service's base URL (else $" + URL_VARIABLE + ", else " + DEFAULT_URL + ").")
    String url;

    // Never given a default value or shown in help: the usage text must not be able to print it.
    @Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT,
            description = "The admin token (else $" + TOKEN_VARIABLE + "; one of them is required).")
    String token;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the answer's JSON instead of the human form.")
    boolean json;

    private final Map<String, String> env;
    private final PrintWriter out;
    private final List<String> secrets;
    private AdminClient client;

    private AmbaCli(Map<String, String> env, PrintWriter out, List<String> secrets) {
        this.env = env;
        this.out = out;
        this.secrets = secrets;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(execute(args, System.getenv(), out, err));
    }

    /** Runs one command line; answers its exit code. The environment is a parameter so tests can set it. */
    public static int execute(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        try (AmbaCli cli = new AmbaCli(env, out, secretsIn(args, env))) {
            CommandLine line = new CommandLine(cli)
                    .setOut(out)
                    .setErr(err)
                    .setExecutionExceptionHandler((failure, command, parsed) -> cli.onFailure(failure, command, parsed))
                    .setParameterExceptionHandler(cli::onUsageError);
            return line.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The client for this run, made on first use so that {@code --help} needs neither URL nor token. */
    AdminClient admin() {
        if (client == null) {
            client = new AdminClient(baseUrl(), adminToken());
        }
        return client;
    }

    /** Prints {@code data} as JSON under {@code --json}, else hands the output to the human form. */
    void show(Object data, Consumer<PrintWriter> human) {
        if (json) {
            out.println(data instanceof JsonArray array ? array.encodePrettily() : ((JsonObject) data).encodePrettily());
        } else {
            human.accept(out);
        }
    }

    PrintWriter out() {
        return out;
    }

    private String baseUrl() {
        String text = firstSet(url, env.get(URL_VARIABLE), DEFAULT_URL).strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw CliFailure.misconfigured("the URL '" + text + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw CliFailure.misconfigured("the URL '" + text + "' should look like http://host:port");
        }
        // The API's paths start with a slash, so a trailing one here would double it.
        return text.replaceAll("/+$", "");
    }

    private String adminToken() {
        String value = firstSet(token, env.get(TOKEN_VARIABLE), null);
        if (value == null) {
            throw CliFailure.misconfigured("no admin token: pass --token or set " + TOKEN_VARIABLE);
        }
        String stripped = value.strip();
        // Checked here so the HTTP client's own complaint, which could quote the header, never happens.
        if (!stripped.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw CliFailure.misconfigured("the admin token has characters that cannot go in an HTTP header");
        }
        return stripped;
    }

    private static String firstSet(String first, String second, String otherwise) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : otherwise;
    }

    private int onFailure(Exception failure, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (failure instanceof CliFailure known) {
            // The API's refusals are its own catalogue texts and never repeat a credential, so they are printed as
            // sent: a short wrong token such as "wrong" must not blank the word in "missing or wrong".
            err.println(known.isRefusal() ? known.getMessage() : redact(known.getMessage()));
            return known.exitCode();
        }
        // A bug or an answer of an unexpected shape: one line still, and never the token.
        err.println(redact("amba: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage())));
        return CliFailure.REFUSED;
    }

    private int onUsageError(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        // Picocli quotes what was typed, and a mistyped option can carry the token along.
        err.println(redact(problem.getMessage()));
        if (!UnmatchedArgumentException.printSuggestions(problem, err)) {
            command.usage(err);
        }
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * Blanks each token this run knows where it stands as a whole value (picocli quotes what was typed, as in
     * {@code 'amba_admin_…'}), never where its text is merely part of a longer word or of another value.
     */
    private String redact(String text) {
        List<String> known = new ArrayList<>(secrets);
        if (token != null && !token.isBlank()) {
            known.add(token.strip());
        }
        String safe = text;
        for (String secret : known) {
            safe = Pattern.compile("(?<![" + TOKEN_CHARACTERS + "])" + Pattern.quote(secret) + "(?![" + TOKEN_CHARACTERS + "])")
                    .matcher(safe).replaceAll(Matcher.quoteReplacement(REDACTED));
        }
        return safe;
    }

    /** Every token this run could know, read before parsing, since a usage error stops parsing half way. */
    private static List<String> secretsIn(String[] args, Map<String, String> env) {
        List<String> secrets = new ArrayList<>();
        String fromEnv = env.get(TOKEN_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            secrets.add(fromEnv.strip());
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--token") && i + 1 < args.length && !args[i + 1].isBlank()) {
                secrets.add(args[i + 1].strip());
            } else if (args[i].startsWith("--token=") && args[i].length() > "--token=".length()) {
                secrets.add(args[i].substring("--token=".length()).strip());
            }
        }
        return secrets;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
