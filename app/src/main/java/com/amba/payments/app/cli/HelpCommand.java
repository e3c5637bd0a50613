package com.amba.payments.app.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code amba help [COMMAND…]}: the same usage text as {@code --help}, for people who type it as a command.
 * Picocli's own {@code HelpCommand} declares {@code -h}, which the inherited {@code --help} option already owns.
 */
@Command(name = "help", helpCommand = true, description = "Shows the usage of amba or of one of its commands.")
final class HelpCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command to explain, e.g. payments list.")
    private List<String> command = List.of();

    @Override
    public void run() {
        CommandLine target = spec.parent().commandLine();
        for (String name : command) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new ParameterException(spec.commandLine(), "amba " + String.join(" ", command)
                        + ": no such command; amba help lists them");
            }
            target = sub;
        }
        target.usage(spec.commandLine().getOut());
    }
}
