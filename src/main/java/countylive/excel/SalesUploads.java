package countylive.excel;

import countylive.access.CurrentUser;
import countylive.ledger.ImportOutcome;
import countylive.ledger.ImportRefusal;
import countylive.ledger.Ledger;
import countylive.ledger.SalesFile;
import countylive.web.Messages;
import countylive.web.form.Refusal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One uploaded sales workbook, from its bytes to what the import page shows: checked for what it
 * is, read as a stream within its time limit and the node's import places ({@link ImportGate}),
 * handed to the ledger, and when refused, handed back with its problems marked (when it is small
 * enough to be opened whole, and its marked copy small enough to keep).
 */
@Singleton
class SalesUploads {

    private static final Logger LOG = LoggerFactory.getLogger(SalesUploads.class);
    /** The report lists, and the marked copy marks, this many problems; reading stops at SalesFileReader.MAX_PROBLEMS. */
    static final int PROBLEMS_SHOWN = 200;
    /** Problems that are not a row's but say where and why reading stopped. */
    private static final Set<String> READING_STOPPED = Set.of("excel.import.tooManyProblems", "excel.import.tooManyRows");

    /** What the page shows: its status and what to add to its model. */
    record Result(HttpStatus status, Map<String, Object> model) {

        static Result of(HttpStatus status, String key, Object value) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put(key, value);
            return new Result(status, model);
        }
    }

    private final ImportScope scopes;
    private final Ledger ledger;
    private final ImportWorkbooks workbooks;
    private final Rejections rejections;
    private final ImportGate gate;
    private final Messages messages;

    SalesUploads(ImportScope scopes, Ledger ledger, ImportWorkbooks workbooks, Rejections rejections, ImportGate gate,
                 Messages messages) {
        this.scopes = scopes;
        this.ledger = ledger;
        this.workbooks = workbooks;
        this.rejections = rejections;
        this.gate = gate;
        this.messages = messages;
    }

    Result importFile(CurrentUser user, long campaignId, String county, String fileName, byte[] bytes,
                      boolean warningsConfirmed, Locale locale) {
        UploadedWorkbook.Checked file;
        try {
            file = UploadedWorkbook.check(bytes);
        } catch (UploadedWorkbook.Refused e) {
            LOG.info("Upload of '{}' by {} refused: {}", fileName, user.username(), e.messageKey());
            return Result.of(HttpStatus.UNPROCESSABLE_ENTITY, "refusal", e.messageKey());
        }
        String sha256 = sha256(bytes);
        if (scopes.importedBefore(campaignId, county, sha256)) {
            return Result.of(HttpStatus.CONFLICT, "refusal", "excel.import.sameFile");
        }
        try {
            return gate.run(deadline -> read(user, campaignId, county, fileName, file, sha256, warningsConfirmed,
                    deadline, locale));
        } catch (ImportGate.Busy e) {
            return Result.of(HttpStatus.SERVICE_UNAVAILABLE, "refusal", "excel.import.busy");
        }
    }

    private Result read(CurrentUser user, long campaignId, String county, String fileName,
                        UploadedWorkbook.Checked file, String sha256, boolean warningsConfirmed, long deadline,
                        Locale locale) {
        SalesFile read;
        Path copy = null;
        try {
            // the package is read from a file, entry by entry, never inflated into memory at once
            copy = Files.createTempFile("countylive-import-", ".xlsx");
            Files.write(copy, file.bytes());
            read = SalesFileReader.read(copy.toFile(), campaignId, county, fileName, sha256, warningsConfirmed, deadline);
        } catch (SalesFileReader.TooSlow e) {
            LOG.info("Upload of '{}' by {} took longer than an import may", fileName, user.username());
            return Result.of(HttpStatus.UNPROCESSABLE_ENTITY, "refusal", "excel.import.tooSlow");
        } catch (Exception e) {
            UploadedWorkbook.Refused refused = UploadedWorkbook.refusal(e);
            LOG.info("Upload of '{}' by {} could not be read: {}", fileName, user.username(), e.toString());
            return Result.of(HttpStatus.UNPROCESSABLE_ENTITY, "refusal", refused.messageKey());
        } finally {
            deleteQuietly(copy);
        }
        try {
            ImportOutcome outcome = ledger.importSales(user, read);
            LOG.info("{} imported {} into campaign {} for county {}: {} new, {} changed, {} unchanged lines",
                    user.username(), fileName, campaignId, county, outcome.created(), outcome.changed().size(),
                    outcome.unchanged());
            Result result = Result.of(HttpStatus.OK, "outcome", outcome);
            result.model().put("changes", scopes.changes(outcome));
            result.model().put("sessionsWritten", scopes.sessionsWritten(outcome));
            return result;
        } catch (ImportRefusal refusal) {
            return refused(user, fileName, file, refusal, locale);
        } catch (Refusal refusal) {
            // the campaign closed, the same file came in meanwhile, ...
            String text = String.join(" ", refusal.problems().stream()
                    .map(problem -> messages.get(locale, problem.key(), problem.arguments().toArray())).toList());
            return Result.of(refusal.kind() == Refusal.Kind.CONFLICT ? HttpStatus.CONFLICT
                    : HttpStatus.UNPROCESSABLE_ENTITY, "refusalText", text);
        }
    }

    /** The report of a refused file: its first problems, and the file with them marked when it can be. */
    private Result refused(CurrentUser user, String fileName, UploadedWorkbook.Checked file, ImportRefusal refusal,
                           Locale locale) {
        // only the problems shown are put into words: a file may have a great many
        List<ImportProblem> shown = new ArrayList<>();
        int count = 0;
        String stopped = null;
        for (SalesFile.RowProblem problem : refusal.rows()) {
            if (READING_STOPPED.contains(problem.key())) {
                stopped = messages.get(locale, "excel.import.stoppedAt", problem.row()) + text(problem, locale);
            } else if (count++ < PROBLEMS_SHOWN) {
                shown.add(new ImportProblem(problem.row(), column(problem.field()), columnName(problem.field(), locale),
                        text(problem, locale),
                        problem.warning()));
            }
        }
        Result result = Result.of(HttpStatus.UNPROCESSABLE_ENTITY, "problems", shown);
        result.model().put("problemCount", count);
        result.model().put("stopped", stopped);
        result.model().put("onlyWarnings", refusal.onlyWarnings());
        // the copy marks the problems the page lists (marking a thousand comments takes seconds); a copy
        // too large to open whole or to keep is not handed back: the report lists the problems all the same
        byte[] marked = file.markable() ? marked(file, shown, fileName, locale) : null;
        if (marked != null) {
            result.model().put("rejection", rejections.keep(user.id(), markedName(fileName, locale), marked));
        }
        return result;
    }

    private String text(SalesFile.RowProblem problem, Locale locale) {
        return messages.get(locale, problem.key(), problem.arguments().toArray());
    }

    private @Nullable byte[] marked(UploadedWorkbook.Checked file, List<ImportProblem> problems, String fileName,
                                    Locale locale) {
        try (Workbook workbook = UploadedWorkbook.open(file)) {
            return workbooks.marked(workbook, problems, fileName, locale);
        } catch (Exception e) {
            LOG.info("The refused upload could not be marked: {}", e.toString());
            return null;
        }
    }

    /** The spreadsheet column of a field of the data sheet. */
    private static String column(@Nullable String field) {
        int index = field == null ? -1 : SalesFileReader.FIELDS.indexOf(field);
        return CellReference.convertNumToColString(Math.max(0, index));
    }

    /**
     * The marked copy is named after the upload, so that it sorts beside it in the downloads folder:
     * "四月销售.xlsx" comes back as "四月销售_问题标注.xlsx" ("…_marked.xlsx" in English). Only the
     * file's own name is kept, not a folder some browsers send with it.
     */
    String markedName(String fileName, Locale locale) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).strip();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? name.substring(0, name.length() - 5) : name;
        stem = stem.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return (stem.isEmpty() ? "upload" : stem) + "_" + messages.get(locale, "excel.file.marked") + ".xlsx";
    }

    /** The header of a field's column as the template writes it, in the user's language. */
    private String columnName(@Nullable String field, Locale locale) {
        String known = field != null && SalesFileReader.FIELDS.contains(field) ? field : SalesFileReader.FIELDS.get(0);
        return messages.get(locale, "excel.template.column." + known);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (java.io.IOException e) {
                LOG.warn("could not delete {}", file);
            }
        }
    }
}
