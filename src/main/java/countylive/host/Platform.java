package countylive.host;

/** The livestream platforms a host (and a session) can be on. */
public enum Platform {
    DOUYIN, KUAISHOU, TAOBAO, OTHER
}
