package org.ggzy.sgw.schemas.cli;

/**
 * Why a command could not run at all: a usage error, an unreadable file or input that is not JSON (exit status 2).
 * The message is shown as it is, so it names the file and, where known, the line and column.
 */
final class CliException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean usage;

    private CliException(String message, boolean usage) {
        super(message);
        this.usage = usage;
    }

    /** The command line itself is wrong: the usage text follows the message. */
    static CliException usage(String message) {
        return new CliException(message, true);
    }

    /** The command cannot run: an unknown data set, an unreadable file, input that is not JSON. */
    static CliException error(String message) {
        return new CliException(message, false);
    }

    boolean showUsage() {
        return usage;
    }
}
