package countylive.platform;

import countylive.excel.ImportGate;
import countylive.excel.UploadedWorkbook;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Uploaded platform files, from bytes to what they say: each checked as the sales import checks
 * its file ({@link UploadedWorkbook}: size, not an xlsx, password or old format, zip bomb,
 * external entities), then read as a stream within the node's import places and time limit
 * ({@link ImportGate}). Several files go in one upload: up to {@link #MAX_FILES}, together no more
 * than the server takes in one request.
 */
@Singleton
class PlatformUploads {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformUploads.class);
    /** Fifty Douyin sessions and a Taobao pair, with room to spare. */
    static final int MAX_FILES = 60;
    /** Together, as the server's request limit (micronaut.server.max-request-size) allows. */
    static final long MAX_TOTAL = 10L * 1024 * 1024;

    /** A file refused before it was read, and why (a message key of the sales import's). */
    record FileRefusal(String file, String messageKey) {
    }

    /** What reading the upload gave: what its files say, or the files refused unread, or "busy". */
    record Read(@Nullable Parsed parsed, List<FileRefusal> refused, boolean busy) {
    }

    private final ImportGate gate;

    PlatformUploads(ImportGate gate) {
        this.gate = gate;
    }

    /** Checks every file first: one refused file stops the upload before anything is read. */
    List<FileRefusal> check(List<PreviewStore.Upload> files) {
        List<FileRefusal> refused = new ArrayList<>();
        if (files.isEmpty()) {
            refused.add(new FileRefusal("", "excel.upload.empty"));
            return refused;
        }
        if (files.size() > MAX_FILES) {
            refused.add(new FileRefusal("", "platform.upload.tooMany"));
            return refused;
        }
        if (files.stream().mapToLong(file -> file.content().length).sum() > MAX_TOTAL) {
            refused.add(new FileRefusal("", "platform.upload.tooLargeTogether"));
            return refused;
        }
        for (PreviewStore.Upload file : files) {
            try {
                UploadedWorkbook.check(file.content());
            } catch (UploadedWorkbook.Refused e) {
                refused.add(new FileRefusal(file.name(), e.messageKey()));
            }
        }
        return refused;
    }

    /** Reads checked files (again, for a preview shown later), within the import gate. */
    Read read(List<PreviewStore.Upload> files) {
        try {
            return gate.run(deadline -> {
                List<Exports.File> texts = new ArrayList<>();
                List<FileRefusal> refused = new ArrayList<>();
                for (PreviewStore.Upload file : files) {
                    Path copy = null;
                    try {
                        // read from a file, entry by entry, never inflated into memory at once
                        copy = Files.createTempFile("countylive-platform-", ".xlsx");
                        Files.write(copy, file.content());
                        texts.add(ExportReader.read(file.name(), copy.toFile(), deadline));
                    } catch (ExportReader.TooLarge e) {
                        refused.add(new FileRefusal(file.name(), "excel.import.tooSlow"));
                    } catch (Exception e) {
                        LOG.info("Platform file '{}' could not be read: {}", file.name(), e.toString());
                        refused.add(new FileRefusal(file.name(), UploadedWorkbook.refusal(e).messageKey()));
                    } finally {
                        deleteQuietly(copy);
                    }
                }
                return refused.isEmpty() ? new Read(Exports.read(texts), List.of(), false)
                        : new Read(null, refused, false);
            });
        } catch (ImportGate.Busy e) {
            return new Read(null, List.of(), true);
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
