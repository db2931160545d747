package countylive.excel;

import countylive.account.CurrentUser;
import countylive.audit.AuditTrail;
import countylive.sale.UnitPriceCheck;
import countylive.summary.Footprint;
import countylive.summary.SalesRollup;
import countylive.web.Messages;
import countylive.web.form.Input;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an uploaded sales workbook row by row with the rules of the sales grid, and imports it
 * only when every row passes: all rows in one transaction, written in batches, recorded in the
 * audit trail. A line that exists already for the session and product is replaced, so an
 * import can be corrected by importing again.
 */
@Singleton
public class SalesImport {

    static final int MAX_ROWS = 100_000;
    /** The leading id of a drop-down entry such as "123 · 2020-04-10 19:00". */
    private static final Pattern LEADING_ID = Pattern.compile("^\\s*(\\d{1,18})\\b.*", Pattern.DOTALL);
    private static final String[] COLUMNS = {"A", "B", "C", "D", "E", "F", "G"};

    /** The outcome of checking a file: its rows, or the problems that stop it. */
    public record Checked(List<ImportRow> rows, List<ImportProblem> problems) {

        public boolean hasErrors() {
            return problems.stream().anyMatch(p -> !p.warning());
        }

        public boolean hasWarnings() {
            return problems.stream().anyMatch(ImportProblem::warning);
        }
    }

    private final JdbcOperations jdbc;
    private final SalesRollup rollup;
    private final AuditTrail audit;
    private final Messages messages;

    SalesImport(JdbcOperations jdbc, AuditTrail audit, Messages messages, SalesRollup rollup) {
        this.jdbc = jdbc;
        this.rollup = rollup;
        this.audit = audit;
        this.messages = messages;
    }

    /** Checks every row of the data sheet; nothing is written. */
    @Transactional(readOnly = true)
    public Checked check(Workbook workbook, long campaignId, String countyCode, Locale locale) {
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportRow> rows = new ArrayList<>();
        Sheet sheet = workbook.getNumberOfSheets() > 1 ? workbook.getSheetAt(1) : workbook.getSheetAt(0);
        Map<Long, java.time.LocalDate> sessions = sessionsOf(campaignId, countyCode);
        Map<Long, ProductInfo> products = new HashMap<>();
        Set<String> seen = new HashSet<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        int dataRows = 0;
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || isBlank(row, formatter)) {
                continue;
            }
            if (++dataRows > MAX_ROWS) {
                problems.add(new ImportProblem(r + 1, "A", messages.get(locale, "excel.import.tooManyRows", MAX_ROWS), false));
                break;
            }
            int before = problems.size();
            RowReader reader = new RowReader(row, r + 1, formatter, problems, messages, locale);
            Long session = reader.id(0, true);
            Long product = reader.id(1, true);
            Long units = reader.count(2);
            Long orders = reader.count(3);
            BigDecimal gross = reader.money(4, true);
            BigDecimal refunds = reader.money(5, false);
            boolean onBehalf = reader.yes(6);
            if (session != null && !sessions.containsKey(session)) {
                reader.problem(0, "excel.import.sessionNotHere");
            }
            ProductInfo info = product == null ? null : products.computeIfAbsent(product, this::product);
            if (product != null && info == null) {
                reader.problem(1, "excel.import.productUnknown");
            } else if (info != null && !info.countyCode().equals(countyCode) && !onBehalf) {
                reader.problem(1, "excel.import.productOtherCounty");
            }
            if (refunds == null) {
                refunds = BigDecimal.ZERO.setScale(2);
            }
            if (gross != null && refunds.compareTo(gross) > 0) {
                reader.problem(5, "excel.import.refundsAboveGross");
            }
            if (session != null && product != null && !seen.add(session + ":" + product)) {
                reader.problem(1, "excel.import.duplicateLine");
            }
            if (problems.size() == before) {
                ImportRow checked = new ImportRow(r + 1, session, sessions.get(session), product, onBehalf, units,
                        orders, gross, refunds, info.referencePrice());
                if (UnitPriceCheck.implausible(checked.gross(), checked.units(), checked.referencePrice())) {
                    BigDecimal unitPrice = UnitPriceCheck.unitPrice(checked.gross(), checked.units(), 2);
                    problems.add(new ImportProblem(r + 1, "E", messages.get(locale, "excel.import.priceWarning",
                            unitPrice.toPlainString(), checked.referencePrice().toPlainString()), true));
                }
                rows.add(checked);
            }
        }
        if (dataRows == 0 && problems.isEmpty()) {
            problems.add(new ImportProblem(2, "A", messages.get(locale, "excel.import.noRows"), false));
        }
        return new Checked(rows, problems);
    }

    /** Whether this very file was imported into the campaign and county before. */
    @Transactional(readOnly = true)
    public boolean importedBefore(long campaignId, String countyCode, String sha256) {
        return jdbc.prepareStatement("SELECT 1 FROM sale_import WHERE campaign_id = ? AND county_code = ? AND file_sha256 = ?",
                statement -> {
                    statement.setLong(1, campaignId);
                    statement.setString(2, countyCode);
                    statement.setString(3, sha256);
                    try (ResultSet result = statement.executeQuery()) {
                        return result.next();
                    }
                });
    }

    /**
     * Writes every row in one transaction, in batches. Returns the number of lines written.
     * The unique file hash makes a concurrent second import of the same file fail as a whole.
     */
    @Transactional
    public int write(CurrentUser user, long campaignId, String countyCode, List<ImportRow> rows,
                     String fileName, String sha256) {
        LocalDateTime now = LocalDateTime.now();
        // first: waits for any other writer in this county, and notes what the rollups hold now
        Footprint before = rollup.before(rows.stream().map(ImportRow::sessionId).distinct().toList());
        // the campaign may have been closed since the check: read its status under a lock
        String status = jdbc.prepareStatement("SELECT status FROM campaign WHERE id = ? LOCK IN SHARE MODE", statement -> {
            statement.setLong(1, campaignId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : "CLOSED";
            }
        });
        if ("CLOSED".equals(status)) {
            throw new countylive.livestream.CampaignClosedException();
        }
        jdbc.prepareStatement("""
                INSERT INTO sale_import (campaign_id, county_code, file_sha256, file_name, row_count, user_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", statement -> {
            statement.setLong(1, campaignId);
            statement.setString(2, countyCode);
            statement.setString(3, sha256);
            statement.setString(4, fileName.length() > 200 ? fileName.substring(0, 200) : fileName);
            statement.setInt(5, rows.size());
            statement.setLong(6, user.id());
            statement.setObject(7, now);
            return statement.executeUpdate();
        });
        // campaign, county and day are copied from the session, as the composite key demands;
        // a plain VALUES insert lets the driver send each batch as one multi-row statement
        jdbc.prepareStatement("""
                INSERT INTO sale_line (session_id, campaign_id, county_code, live_date, product_id, on_behalf,
                                       units, orders, gross, refunds, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE on_behalf = VALUES(on_behalf), units = VALUES(units), orders = VALUES(orders),
                    gross = VALUES(gross), refunds = VALUES(refunds), version = version + 1,
                    updated_at = VALUES(updated_at)""", statement -> {
            int inBatch = 0;
            for (ImportRow row : rows) {
                statement.setLong(1, row.sessionId());
                statement.setLong(2, campaignId);
                statement.setString(3, countyCode);
                statement.setObject(4, row.liveDate());
                statement.setLong(5, row.productId());
                statement.setBoolean(6, row.onBehalf());
                statement.setLong(7, row.units());
                statement.setLong(8, row.orders());
                statement.setBigDecimal(9, row.gross());
                statement.setBigDecimal(10, row.refunds());
                statement.setObject(11, now);
                statement.setObject(12, now);
                statement.addBatch();
                if (++inBatch == 1000) {
                    statement.executeBatch();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                statement.executeBatch();
            }
            return null;
        });
        // the sales grids of these sessions were read before the import: make them stale
        jdbc.prepareStatement("UPDATE live_session SET version = version + 1 WHERE id = ?", statement -> {
            for (Long session : rows.stream().map(ImportRow::sessionId).distinct().toList()) {
                statement.setLong(1, session);
                statement.addBatch();
            }
            statement.executeBatch();
            return null;
        });
        // the summaries' rollups follow in the same transaction
        rollup.after(before);
        BigDecimal gross = rows.stream().map(ImportRow::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", fileName);
        summary.put("sha256", sha256);
        summary.put("campaign", campaignId);
        summary.put("lines", rows.size());
        summary.put("gross", gross);
        audit.imported(user, "sale_import", campaignId + "/" + countyCode, countyCode, summary);
        return rows.size();
    }

    /** The county's sessions in the campaign, with their days. */
    private Map<Long, java.time.LocalDate> sessionsOf(long campaignId, String countyCode) {
        return jdbc.prepareStatement("SELECT id, live_date FROM live_session WHERE campaign_id = ? AND county_code = ?",
                statement -> {
            statement.setLong(1, campaignId);
            statement.setString(2, countyCode);
            Map<Long, java.time.LocalDate> days = new HashMap<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    days.put(result.getLong(1), result.getObject(2, java.time.LocalDate.class));
                }
            }
            return days;
        });
    }

    record ProductInfo(String countyCode, @Nullable BigDecimal referencePrice) {
    }

    private @Nullable ProductInfo product(long id) {
        return jdbc.prepareStatement("SELECT county_code, reference_price FROM product WHERE id = ?", statement -> {
            statement.setLong(1, id);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? new ProductInfo(result.getString(1), result.getBigDecimal(2)) : null;
            }
        });
    }

    private static boolean isBlank(Row row, DataFormatter formatter) {
        for (int c = 0; c < COLUMNS.length; c++) {
            Cell cell = row.getCell(c);
            if (cell != null && !formatter.formatCellValue(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Reads the cells of one row, noting each problem once per cell. */
    private static final class RowReader {

        private final Row row;
        private final int rowNumber;
        private final DataFormatter formatter;
        private final List<ImportProblem> problems;
        private final Messages messages;
        private final Locale locale;

        RowReader(Row row, int rowNumber, DataFormatter formatter, List<ImportProblem> problems, Messages messages,
                  Locale locale) {
            this.row = row;
            this.rowNumber = rowNumber;
            this.formatter = formatter;
            this.problems = problems;
            this.messages = messages;
            this.locale = locale;
        }

        void problem(int column, String key, Object... arguments) {
            String letter = CellReference.convertNumToColString(column);
            if (problems.stream().noneMatch(p -> p.rowNumber() == rowNumber && p.column().equals(letter))) {
                problems.add(new ImportProblem(rowNumber, letter, messages.get(locale, key, arguments), false));
            }
        }

        @Nullable String text(int column) {
            Cell cell = row.getCell(column);
            return cell == null ? null : Input.text(formatter.formatCellValue(cell));
        }

        @Nullable Long id(int column, boolean required) {
            String value = text(column);
            if (value == null) {
                if (required) {
                    problem(column, "input.required");
                }
                return null;
            }
            Matcher matcher = LEADING_ID.matcher(value);
            if (!matcher.matches()) {
                problem(column, "excel.import.pickFromList");
                return null;
            }
            return Long.parseLong(matcher.group(1));
        }

        @Nullable Long count(int column) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                double value = cell.getNumericCellValue();
                if (value < 0) {
                    problem(column, "input.negative");
                    return null;
                }
                if (value != Math.rint(value) || value > Input.MAX_COUNT) {
                    problem(column, value != Math.rint(value) ? "input.count" : "input.tooLarge");
                    return null;
                }
                return (long) value;
            }
            try {
                Long value = Input.count(text(column));
                if (value == null) {
                    problem(column, "input.required");
                }
                return value;
            } catch (Input.InvalidInput e) {
                problem(column, e.messageKey());
                return null;
            }
        }

        @Nullable BigDecimal money(int column, boolean required) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                BigDecimal value = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
                if (value.signum() < 0) {
                    problem(column, "input.negative");
                    return null;
                }
                if (value.scale() > 2) {
                    problem(column, "input.moneyDecimals");
                    return null;
                }
                if (value.compareTo(Input.MAX_MONEY) > 0) {
                    problem(column, "input.tooLarge");
                    return null;
                }
                return value.setScale(2);
            }
            try {
                BigDecimal value = Input.money(text(column));
                if (value == null && required) {
                    problem(column, "input.required");
                }
                return value;
            } catch (Input.InvalidInput e) {
                problem(column, e.messageKey());
                return null;
            }
        }

        boolean yes(int column) {
            String value = text(column);
            return value != null && Set.of("是", "yes", "y", "true", "1", "代销").contains(value.toLowerCase(Locale.ROOT));
        }
    }
}
