package countylive.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recognises what each uploaded file is, from its sheets and headers, and reads them all into
 * sessions: Douyin compass session downloads one by one, Taobao sheets as one pair. A file that
 * is none of these is named, with the sheets it has.
 */
final class Exports {

    /** One uploaded file as text: its name and its sheets by name, in order. */
    record File(String name, Map<String, SheetText> sheets) {

        static File of(String name, List<SheetText> sheets) {
            Map<String, SheetText> byName = new LinkedHashMap<>();
            sheets.forEach(sheet -> byName.put(sheet.name(), sheet));
            return new File(name, byName);
        }
    }

    private Exports() {
    }

    static Parsed read(List<File> files) {
        List<Parsed.Session> sessions = new ArrayList<>();
        List<Parsed.Problem> problems = new ArrayList<>();
        TaobaoExport.Collector taobao = new TaobaoExport.Collector();
        boolean anyTaobao = false;
        for (File file : files) {
            if (DouyinExport.recognises(file.sheets())) {
                Parsed parsed = DouyinExport.read(file.name(), file.sheets());
                sessions.addAll(parsed.sessions());
                problems.addAll(parsed.problems());
                continue;
            }
            boolean recognised = false;
            List<Parsed.Problem> near = new ArrayList<>();
            for (SheetText sheet : file.sheets().values()) {
                String kind = TaobaoExport.kind(sheet);
                if ("sessions".equals(kind)) {
                    TaobaoExport.sessions(file.name(), sheet, taobao);
                } else if ("products".equals(kind)) {
                    TaobaoExport.products(file.name(), sheet, taobao);
                } else {
                    Parsed.Problem problem = TaobaoExport.nearly(file.name(), sheet);
                    if (problem != null) {
                        near.add(problem);
                    }
                    continue;
                }
                recognised = true;
            }
            anyTaobao |= recognised;
            if (!recognised) {
                if (!near.isEmpty()) {
                    problems.addAll(near);
                } else {
                    problems.add(new Parsed.Problem(new SheetText.Place(file.name(), "", 1, ""), "platform.layout.unknown",
                            List.of(String.join("、", file.sheets().keySet()))));
                }
            }
        }
        if (anyTaobao) {
            Parsed read = taobao.result();
            sessions.addAll(read.sessions());
            problems.addAll(read.problems());
        }
        return new Parsed(sessions, problems);
    }
}
