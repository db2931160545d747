package countylive.campaign;

import java.util.List;

/** What people (and scripts) may type into any field: none of it may produce a 500. */
public final class Garbage {

    public static final List<String> VALUES = List.of(
            "", "   ", "x".repeat(10_000), "<script>alert(1)</script>", "' OR 1=1; DROP TABLE campaign; --",
            "\u0000\u0007", "𠀀😀\u202e\u200b", "-99999999999999999999", "1e308", "NaN", "２０２０-０４-０２",
            "2020-02-30", "999999999999999999999.999", "%_\\", "0x1F", "null");

    private Garbage() {
    }
}
