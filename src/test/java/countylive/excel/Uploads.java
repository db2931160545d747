package countylive.excel;

import countylive.support.Browser;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Multipart uploads and hostile files for the import tests. */
final class Uploads {

    private Uploads() {
    }

    static Browser.Page upload(Browser browser, URI base, String path, Map<String, String> fields, String fileName,
                               byte[] file) {
        String boundary = "----countylive" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n");
        body.writeBytes(file);
        write(body, "\r\n--" + boundary + "--\r\n");
        return browser.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A copy of an xlsx with one part's content replaced. */
    static byte[] withPart(byte[] xlsx, String partName, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(entry.getName().equals(partName) ? content : in.readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** One part of an xlsx, unpacked. */
    static byte[] part(byte[] xlsx, String partName) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals(partName)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IllegalArgumentException("no part " + partName);
    }

    /** A copy of an xlsx with one more part. */
    static byte[] withExtraPart(byte[] xlsx, String partName, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(in.readAllBytes());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(partName));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /**
     * A sheet part of about the given size whose cells are long runs of one letter with a few
     * others among them, so that it compresses about forty-fold: far more than ordinary sheets,
     * yet under the hundred-fold at which a part counts as a zip bomb.
     */
    static byte[] paddedSheet(int size) {
        StringBuilder xml = new StringBuilder(size + 4000).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        java.util.Random random = new java.util.Random(7);
        for (int r = 1; xml.length() < size; r++) {
            xml.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"inlineStr\"><is><t>");
            for (int i = 0; i < 2000; i++) {
                xml.append(random.nextInt(100) == 0 ? 'B' : 'A');
            }
            xml.append("</t></is></c></row>");
        }
        return xml.append("</sheetData></worksheet>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A sheet part that inflates a thousand-fold: what a zip bomb does. */
    static byte[] bombSheet() {
        String start = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
        return (start + " ".repeat(40 * 1024 * 1024) + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8);
    }

    /** A workbook part that declares an external entity. */
    static byte[] externalEntityWorkbook() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE workbook [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets>&xxe;</sheets></workbook>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
