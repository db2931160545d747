package countylive.excel;

import countylive.trace.LineSelection;
import countylive.web.Messages;
import io.micrometer.core.annotation.Timed;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every sale line of a campaign (or of all campaigns, or those behind one figure) as one sheet,
 * written while it is read: a million lines in a 64 MB heap, the first bytes at once.
 *
 * <p>The lines are read session after session in index order, so the database neither sorts nor
 * joins names (a sort and six joins took 20 s for a million lines). Names come from small maps read first: campaigns,
 * counties with their provinces, products, and the selected sessions (start, platform, hosts) in
 * compact arrays. Everything is read in one read-only transaction, so the names and the lines are
 * of the same moment.
 */
@Singleton
public class SalesExport {

    static final String[] COLUMNS = {"campaign", "session", "date", "start", "platform", "province", "countyCode",
            "county", "hosts", "product", "unit", "onBehalf", "units", "orders", "gross", "refunds", "net"};
    private static final double[] WIDTHS = {24, 8, 11, 16, 9, 12, 9, 14, 24, 24, 7, 8, 10, 10, 15, 13, 15};

    private final DataSource dataSource;
    private final Messages messages;

    SalesExport(DataSource dataSource, DataSourceResolver resolver, Messages messages) {
        // the plain pool: the export streams outside any transaction of the request
        this.dataSource = resolver.resolve(dataSource);
        this.messages = messages;
    }

    /**
     * Writes the workbook of the selected lines: a campaign's, every campaign's, or those behind one
     * figure (the lines page's download).
     *
     * @param title what the export holds (the campaign's name), for the printed footer
     */
    @Timed(value = "countylive.summaries", extraTags = {"summary", "sales.xlsx"})
    public void write(OutputStream out, Locale locale, LineSelection selection, String title, String generatedBy,
                      LocalDateTime generatedAt) throws IOException, SQLException {
        try (StreamedSheet sheet = new StreamedSheet(out, messages.get(locale, "excel.sheet.sales"), WIDTHS,
                generatedBy, generatedAt)) {
            List<String> labels = new ArrayList<>();
            for (String column : COLUMNS) {
                labels.add(messages.get(locale, "excel.column." + column));
            }
            sheet.header(labels);
            try (Connection connection = dataSource.getConnection()) {
                // one snapshot for the names and the lines (the pool hands out READ COMMITTED)
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                try {
                    Names names = Names.read(connection, selection, code -> messages.get(locale, "platform." + code));
                    lines(connection, selection, names, sheet, messages.get(locale, "excel.yes"));
                } finally {
                    connection.rollback();
                }
            }
            sheet.finish(PrintLayout.footerCodes(PrintLayout.Footer.of(messages, locale, title, generatedAt)));
        }
    }

    /**
     * Streams the lines session after session, the sessions in the order of their index on campaign,
     * day and county (its id last), each session's lines through the unique key on session and
     * product: the database neither sorts nor joins names. The selection narrows the sessions first
     * (the same conditions on {@code live_session s}), then their lines.
     */
    private static void lines(Connection connection, LineSelection selection, Names names, StreamedSheet sheet,
                              String yes) throws SQLException, IOException {
        List<Object> p = new ArrayList<>();
        String sql = "SELECT l.campaign_id, l.live_date, l.county_code, l.session_id, l.product_id, l.on_behalf,"
                + " l.units, l.orders, l.gross, l.refunds"
                + " FROM live_session s STRAIGHT_JOIN sale_line l ON l.session_id = s.id"
                + " WHERE " + selection.sessions(p) + " AND " + selection.lines(p)
                + " ORDER BY s.campaign_id, s.live_date, s.county_code, s.id";
        try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            // Connector/J streams row by row only with this fetch size
            statement.setFetchSize(Integer.MIN_VALUE);
            bind(statement, p);
            try (ResultSet result = statement.executeQuery()) {
                Group group = new Group();
                while (result.next()) {
                    long session = result.getLong(4);
                    if (!group.is(session)) {
                        group.write(sheet, names, yes);
                        group.start(session, result.getLong(1), result.getString(2), result.getString(3));
                    }
                    group.add(new Line(session, result.getLong(5), result.getBoolean(6), result.getLong(7),
                            result.getLong(8), result.getBigDecimal(9), result.getBigDecimal(10)));
                }
                group.write(sheet, names, yes);
            }
        }
    }

    private record Line(long session, long product, boolean onBehalf, long units, long orders, BigDecimal gross,
                        BigDecimal refunds) {
    }

    private static final Comparator<Line> SESSION_PRODUCT = Comparator.comparingLong(Line::session)
            .thenComparingLong(Line::product);

    /** The lines of one session, put in product order before they are written. */
    private static final class Group {
        private final List<Line> lines = new ArrayList<>();
        private long session = -1;
        private long campaign;
        private String day;
        private String county;

        boolean is(long session) {
            return this.session == session;
        }

        void start(long session, long campaign, String day, String county) {
            this.session = session;
            this.campaign = campaign;
            this.day = day;
            this.county = county;
        }

        void add(Line line) {
            lines.add(line);
        }

        void write(StreamedSheet sheet, Names names, String yes) throws IOException {
            if (lines.isEmpty()) {
                return;
            }
            lines.sort(SESSION_PRODUCT);
            String campaignName = names.campaigns.get(campaign);
            LocalDate date = LocalDate.parse(day);
            String[] place = names.counties.getOrDefault(county, new String[2]);
            for (Line line : lines) {
                int s = names.sessions.find(line.session());
                String[] product = names.products.getOrDefault(line.product(), new String[2]);
                sheet.startRow();
                sheet.text(0, campaignName);
                sheet.count(1, line.session());
                sheet.date(2, date);
                if (s >= 0) {
                    sheet.dateTime(3, names.sessions.starts[s]);
                    sheet.text(4, names.sessions.platforms[s]);
                }
                sheet.text(5, place[1]);
                sheet.text(6, county);
                sheet.text(7, place[0]);
                if (s >= 0) {
                    sheet.text(8, names.sessions.hosts[s]);
                }
                sheet.text(9, product[0]);
                sheet.text(10, product[1]);
                sheet.text(11, line.onBehalf() ? yes : null);
                sheet.count(12, line.units());
                sheet.count(13, line.orders());
                sheet.money(14, line.gross());
                sheet.money(15, line.refunds());
                sheet.money(16, line.gross().subtract(line.refunds()));
                sheet.endRow();
            }
            lines.clear();
        }
    }

    /** The names the lines refer to, read before the lines. */
    private record Names(Map<Long, String> campaigns, Map<String, String[]> counties, Map<Long, String[]> products,
                         Sessions sessions) {

        static Names read(Connection connection, LineSelection selection,
                          java.util.function.Function<String, String> platformLabel) throws SQLException {
            Map<Long, String> campaigns = new HashMap<>();
            List<Object> none = List.of();
            String campaignSql = selection.campaignId() == null ? "SELECT id, name FROM campaign"
                    : "SELECT id, name FROM campaign WHERE id = ?";
            query(connection, campaignSql, selection.campaignId() == null ? none : List.of(selection.campaignId()),
                    r -> campaigns.put(r.getLong(1), r.getString(2)));
            Map<String, String[]> counties = new HashMap<>();
            query(connection, "SELECT co.code, co.name, pv.name FROM county co JOIN province pv ON pv.code = co.province_code",
                    none, r -> counties.put(r.getString(1), new String[]{r.getString(2), r.getString(3)}));
            Map<Long, String[]> products = new HashMap<>();
            query(connection, "SELECT id, name, unit FROM product", none,
                    r -> products.put(r.getLong(1), new String[]{r.getString(2), r.getString(3)}));
            return new Names(campaigns, counties, products, Sessions.read(connection, selection, platformLabel));
        }
    }

    /**
     * The selected sessions' start, platform and hosts, in arrays sorted by id: about 30 bytes a
     * session, 1.5 MB for the 50,000 sessions of a million lines. Texts are shared between sessions.
     */
    private static final class Sessions {
        long[] ids = new long[1024];
        double[] starts = new double[1024];
        String[] platforms = new String[1024];
        String[] hosts = new String[1024];
        int size;
        private int last = -1;

        static Sessions read(Connection connection, LineSelection selection,
                             java.util.function.Function<String, String> platformLabel) throws SQLException {
            Sessions sessions = new Sessions();
            Map<String, String> labels = new HashMap<>();
            List<Object> p = new ArrayList<>();
            String where = selection.sessions(p);
            query(connection, "SELECT s.id, s.starts_at, s.platform FROM live_session s WHERE " + where + " ORDER BY s.id",
                    p, r -> sessions.add(r.getLong(1), StreamedSheet.serial(r.getObject(2, LocalDateTime.class)),
                            labels.computeIfAbsent(r.getString(3), platformLabel)));
            Map<String, String> shared = new HashMap<>();
            List<Object> q = new ArrayList<>();
            String hostsWhere = selection.sessions(q);
            query(connection, "SELECT sh.session_id, GROUP_CONCAT(h.name ORDER BY h.name SEPARATOR '、')"
                            + " FROM live_session s JOIN live_session_host sh ON sh.session_id = s.id"
                            + " JOIN host h ON h.id = sh.host_id WHERE " + hostsWhere + " GROUP BY sh.session_id",
                    q, r -> {
                        int s = sessions.find(r.getLong(1));
                        if (s >= 0) {
                            String names = r.getString(2);
                            sessions.hosts[s] = shared.computeIfAbsent(names, n -> n);
                        }
                    });
            return sessions;
        }

        void add(long id, double start, String platform) {
            if (size == ids.length) {
                int grown = size * 2;
                ids = Arrays.copyOf(ids, grown);
                starts = Arrays.copyOf(starts, grown);
                platforms = Arrays.copyOf(platforms, grown);
                hosts = Arrays.copyOf(hosts, grown);
            }
            ids[size] = id;
            starts[size] = start;
            platforms[size] = platform;
            size++;
        }

        /** The index of a session, or -1; lines come session after session, so the last one is tried first. */
        int find(long id) {
            if (last >= 0 && ids[last] == id) {
                return last;
            }
            int found = Arrays.binarySearch(ids, 0, size, id);
            if (found >= 0) {
                last = found;
            }
            return found < 0 ? -1 : found;
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(Connection connection, String sql, List<Object> parameters, RowReader reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    reader.read(result);
                }
            }
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            statement.setObject(i + 1, value instanceof LocalDate day ? java.sql.Date.valueOf(day) : value);
        }
    }
}
