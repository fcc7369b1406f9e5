package org.ggzy.sgw.schemas.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.ggzy.sgw.schemas.Catalog;
import org.ggzy.sgw.schemas.Dataset;

/**
 * The command-line validator trading platforms run before they push:
 *
 * <pre>
 * java -jar sgw-schemas-&lt;version&gt;.jar validate --dataset gcjs.tender-notice records.json
 * java -jar sgw-schemas-&lt;version&gt;.jar list
 * java -jar sgw-schemas-&lt;version&gt;.jar schema gcjs.tender-notice
 * </pre>
 *
 * Exit status: {@value #OK} when every record is valid (or the command succeeded), {@value #INVALID} when any record
 * has a violation, {@value #USAGE} for a usage error, an unknown data set, an unreadable file or malformed JSON,
 * {@value #INTERNAL} for an internal error (a bug; the stack trace is printed).
 */
public final class SpecCli {

    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;

    static final String USAGE_TEXT =
            """
            Usage: java -jar sgw-schemas-<version>.jar <command> [arguments]

            Commands:
              validate --dataset <id> <file>  validate the records in <file>: one JSON object, a JSON array of
                                              objects, or NDJSON (one object a line); prints every violation of
                                              every record (index from 0, line for NDJSON) and a summary
              list                            list the data sets of the catalogue
              schema <id>                     print the JSON Schema (draft 2020-12) of a data set
              help                            show this text

            Exit status: 0 every record valid, 1 some record has violations,
                         2 usage error, unknown data set, unreadable file or malformed JSON.
            """;

    private Catalog catalog;

    public SpecCli() {}

    /** A command line working on the given catalogue (tests). */
    SpecCli(Catalog catalog) {
        this.catalog = catalog;
    }

    public static void main(String[] args) {
        quietLibraryLogging();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status;
        try {
            status = new SpecCli().run(args, out, err);
        } catch (RuntimeException e) {
            err.println("sgw-schemas: internal error (内部错误), please report it:");
            e.printStackTrace(err);
            status = INTERNAL;
        }
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * The jar ships no SLF4J binding (it is also a library), so SLF4J would warn about that on every run. The command
     * line reports everything itself: unless the user chose a provider, library logging goes nowhere, quietly.
     */
    private static void quietLibraryLogging() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
    }

    /** Runs one command; returns the exit status. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "validate" -> new ValidateCommand(catalog()).run(rest, out);
                case "list" -> list(rest, out);
                case "schema" -> schema(rest, out);
                case "help", "-h", "--help" -> {
                    out.print(USAGE_TEXT);
                    yield OK;
                }
                default -> throw CliException.usage("unknown command \"" + args[0] + "\"");
            };
        } catch (CliException e) {
            err.println("sgw-schemas: " + e.getMessage());
            if (e.showUsage()) {
                err.println();
                err.print(USAGE_TEXT);
            }
            return USAGE;
        }
    }

    private int list(List<String> args, PrintStream out) throws CliException {
        if (!args.isEmpty()) {
            throw CliException.usage("list takes no arguments");
        }
        Catalog catalog = catalog();
        int width = catalog.datasets().stream()
                .mapToInt(d -> d.id().value().length())
                .max()
                .orElse(0);
        out.println("catalogue " + catalog.version() + ", " + catalog.datasets().size() + " data set(s):");
        for (Dataset d : catalog.datasets()) {
            String id = String.format("%-" + width + "s", d.id());
            out.println("  " + id + "  " + d.dataNo() + "  " + d.nameZh() + "  (" + d.nameEn() + ")");
        }
        return OK;
    }

    private int schema(List<String> args, PrintStream out) throws CliException {
        if (args.size() != 1) {
            throw CliException.usage("schema needs exactly one data set id, e.g. schema gcjs.tender-notice");
        }
        Dataset dataset = catalog()
                .find(args.get(0))
                .orElseThrow(() -> CliException.error(
                        "unknown data set \"" + args.get(0) + "\" (未知的数据集); `list` shows the data sets"));
        try {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(dataset.schema()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the schema of " + dataset.id(), e);
        }
        return OK;
    }

    private Catalog catalog() {
        if (catalog == null) {
            catalog = Catalog.load();
        }
        return catalog;
    }
}
