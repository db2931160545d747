package countylive.excel;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/** Sends a workbook while it is being written, and names it after what it holds and the day. */
public final class Downloads {

    private static final Logger LOG = LoggerFactory.getLogger(Downloads.class);
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final MediaType XLSX = new MediaType(XLSX_TYPE);

    /** Writes a workbook to an output stream. */
    @FunctionalInterface
    public interface WorkbookWriter {
        void write(OutputStream out) throws Exception;
    }

    private Downloads() {
    }

    /**
     * Streams what the writer produces: it runs on the given executor and writes into a pipe
     * whose other end is the response body, so nothing is buffered whole. When the writer fails
     * midway the body ends in an error instead of an orderly end, so the connection is cut and the
     * browser reports a failed download rather than keeping a truncated file; the log says why.
     */
    public static HttpResponse<StreamedFile> stream(ExecutorService executor, String fileName, WorkbookWriter writer)
            throws IOException {
        PipedInputStream pipe = new PipedInputStream(64 * 1024);
        PipedOutputStream out = new PipedOutputStream(pipe);
        AtomicReference<Exception> failure = new AtomicReference<>();
        executor.execute(() -> {
            try {
                writer.write(out);
            } catch (Exception e) {
                // noted before the pipe is closed, so the reader sees it at the end
                failure.set(e);
                LOG.error("Writing {} failed", fileName, e);
            } finally {
                try {
                    out.close();
                } catch (IOException e) {
                    LOG.debug("Closing the pipe of {} failed", fileName, e);
                }
            }
        });
        InputStream body = new FilterInputStream(pipe) {
            @Override
            public int read() throws IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return ended(super.read(buffer, offset, length));
            }

            private int ended(int read) throws IOException {
                if (read < 0 && failure.get() != null) {
                    throw new IOException(fileName + " could not be finished");
                }
                return read;
            }
        };
        return HttpResponse.ok(new StreamedFile(body, XLSX))
                .header("Content-Disposition", contentDisposition(fileName));
    }

    /** "<what>_<yyyy-MM-dd>.xlsx", with characters a file system would refuse replaced. */
    public static String fileName(String what, LocalDate day) {
        String safe = what.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return (safe.isEmpty() ? "county-live" : safe) + "_" + day + ".xlsx";
    }

    static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
