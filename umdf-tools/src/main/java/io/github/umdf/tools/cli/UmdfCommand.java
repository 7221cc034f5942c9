package io.github.umdf.tools.cli;

import io.github.umdf.nn.ops.Engines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * The {@code umdf} command line. Commands are thin: they parse, call the library and print.
 */
@Command(name = "umdf", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpWidth = 100,
        header = "UMDF: multimodal sentiment analysis that stays accurate when modalities go missing.",
        description = {"Reference implementation of Li, Yang et al., AAAI 2024, on DJL (PyTorch engine) with Tribuo.", ""},
        subcommands = {DemoCommand.class, DataCommand.class, TrainCommand.class, EvaluateCommand.class,
                ExperimentCommand.class, AblateCommand.class, FiguresCommand.class, ProvenanceCommand.class,
                ModelsCommand.class, ParamsCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Start with 'umdf demo'. Every command has --help."})
public final class UmdfCommand implements Runnable {
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Show debug output and stack traces.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns its exit code (0 success, 1 failure, 2 usage error). */
    public static int execute(String... args) {
        Engines.ensureOffline();
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        Logs.configure(verbose);
        CommandLine cl = new CommandLine(new UmdfCommand()).setCaseInsensitiveEnumValuesAllowed(true).setUsageHelpWidth(110);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("umdf " + cmd.getCommandName() + ": error: " + message(ex));
            if (verbose) {
                ex.printStackTrace(err);
            } else {
                err.println("(run again with --verbose for the stack trace)");
            }
            err.flush();
            return ex instanceof IllegalArgumentException ? 2 : 1;
        });
        return cl.execute(args);
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName();
        }
        if (t instanceof java.nio.file.NoSuchFileException) {
            m = "no such file: " + m;
        }
        return m;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
