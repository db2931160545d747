package countylive.audit;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One log line per write of business records, on the logger {@code countylive.write}: who, and
 * which records by type and id, e.g. {@code yingshan wrote 3 records: CREATE sale_line 45, 46;
 * DELETE sale_line 44}. Logged when the transaction commits, so that a change rolled back (a
 * refusal, a lock conflict that is then retried) leaves no line. Ids only: a household's or
 * anyone's name never reaches the log.
 */
@Singleton
class WriteLog {

    private static final Logger LOG = LoggerFactory.getLogger("countylive.write");
    /** Ids listed per kind of record and action; a large import says how many more there were. */
    static final int IDS_SHOWN = 20;

    /** One record an entry was written for. */
    record Touched(AuditAction action, RecordType type, String id) {
    }

    private final TransactionOperations<Connection> transactions;

    WriteLog(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    void afterCommit(String username, List<Touched> records) {
        if (!LOG.isInfoEnabled() || records.isEmpty()) {
            return;
        }
        String line = describe(records);
        int count = records.size();
        Runnable log = () -> LOG.info("{} wrote {} record{}: {}", username, count, count == 1 ? "" : "s", line);
        transactions.findTransactionStatus().ifPresentOrElse(status ->
                status.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        log.run();
                    }
                }), log);
    }

    /** "CREATE sale_line 45, 46; DELETE sale_line 44", in the order the entries were made. */
    static String describe(List<Touched> records) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (Touched record : records) {
            ids.computeIfAbsent(record.action() + " " + record.type().code(), kind -> new java.util.ArrayList<>())
                    .add(record.id());
        }
        return ids.entrySet().stream().map(entry -> {
            List<String> all = entry.getValue();
            String shown = String.join(", ", all.subList(0, Math.min(all.size(), IDS_SHOWN)));
            return entry.getKey() + " " + shown + (all.size() > IDS_SHOWN ? " and " + (all.size() - IDS_SHOWN) + " more" : "");
        }).collect(Collectors.joining("; "));
    }
}
