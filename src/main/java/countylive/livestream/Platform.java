package countylive.livestream;

/** The short-video platform a session ran on (as in the schema's check constraint). */
public enum Platform {
    DOUYIN, KUAISHOU, TAOBAO, OTHER
}
