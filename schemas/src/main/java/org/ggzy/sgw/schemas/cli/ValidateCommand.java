package org.ggzy.sgw.schemas.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ggzy.sgw.schemas.Catalog;
import org.ggzy.sgw.schemas.Dataset;
import org.ggzy.sgw.schemas.RecordValidator;
import org.ggzy.sgw.schemas.Validation;
import org.ggzy.sgw.schemas.Violation;

/**
 * {@code validate --dataset <id> <file>}: validates every record of the file as the gateway would (JSON Schema and
 * semantic checks) and prints every violation of every record, then a summary line. Exit status 0 when every record
 * is valid, 1 when any has a violation; unknown fields are reported for information only.
 */
final class ValidateCommand {

    private final Catalog catalog;

    ValidateCommand(Catalog catalog) {
        this.catalog = catalog;
    }

    int run(List<String> args, PrintStream out) throws CliException {
        Arguments arguments = Arguments.parse(args);
        Dataset dataset = catalog.find(arguments.dataset())
                .orElseThrow(() -> CliException.error(
                        "unknown data set \"" + arguments.dataset() + "\" (未知的数据集);" + " `list` shows the data sets"));
        RecordFile file = RecordFile.read(Path.of(arguments.file()));
        RecordValidator validator = RecordValidator.standard(catalog);
        out.println("validating " + arguments.file() + " (" + describe(file) + ") as " + dataset.id() + " "
                + dataset.nameZh() + " / " + dataset.nameEn());
        int invalid = 0;
        int violations = 0;
        int unknown = 0;
        for (RecordFile.Entry entry : file.records()) {
            Validation validation = validator.validate(dataset, entry.node());
            String where = where(entry);
            for (Violation v : validation.violations()) {
                out.println(where + pointer(v.pointer()) + " " + v.code() + " (" + v.keyword() + "): " + v.messageZh()
                        + " | " + v.message());
            }
            for (String field : validation.unknownFields()) {
                out.println(where + Violation.pointerOf(field) + " INFO (unknownField): 数据集未定义该字段，已保留，不校验"
                        + " | the data set does not define this field; kept, not validated");
            }
            invalid += validation.valid() ? 0 : 1;
            violations += validation.violations().size();
            unknown += validation.unknownFields().size();
        }
        int total = file.records().size();
        out.println("summary: " + total + " record(s), " + (total - invalid) + " valid, " + invalid + " invalid, "
                + violations + " violation(s), " + unknown + " unknown field(s) | 汇总: 共 " + total + " 条记录, 有效 "
                + (total - invalid) + " 条, 无效 " + invalid + " 条, 违规 " + violations + " 处, 未定义字段 " + unknown
                + " 个");
        return invalid == 0 ? SpecCli.OK : SpecCli.INVALID;
    }

    private static String describe(RecordFile file) {
        int n = file.records().size();
        return switch (file.layout()) {
            case OBJECT -> "one JSON object";
            case ARRAY -> "JSON array of " + n + " record(s)";
            case NDJSON -> "NDJSON, " + n + " record(s)";
        };
    }

    private static String where(RecordFile.Entry entry) {
        return "index " + entry.index() + (entry.line() == null ? "" : ", line " + entry.line()) + ": ";
    }

    private static String pointer(String pointer) {
        return pointer.isEmpty() ? "(record)" : pointer;
    }

    /** The arguments of {@code validate}: {@code --dataset <id>} (or {@code --dataset=<id>}) and one file. */
    record Arguments(String dataset, String file) {

        static Arguments parse(List<String> args) throws CliException {
            String dataset = null;
            List<String> files = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--dataset") || arg.equals("-d")) {
                    if (i + 1 == args.size()) {
                        throw CliException.usage("--dataset needs a data set id, e.g. --dataset gcjs.tender-notice");
                    }
                    dataset = args.get(++i);
                } else if (arg.startsWith("--dataset=")) {
                    dataset = arg.substring("--dataset=".length());
                } else if (arg.startsWith("-") && arg.length() > 1) {
                    throw CliException.usage("unknown option " + arg);
                } else {
                    files.add(arg);
                }
            }
            if (dataset == null || dataset.isBlank()) {
                throw CliException.usage("validate needs --dataset <id>");
            }
            if (files.size() != 1) {
                throw CliException.usage("validate needs exactly one file, got " + files.size());
            }
            return new Arguments(dataset, files.get(0));
        }
    }
}
