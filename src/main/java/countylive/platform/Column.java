package countylive.platform;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The columns County Live reads from the platforms' exports, each with the header the platform
 * uses today first and the names it used before (or uses in another version). Headers are
 * compared without spaces, brackets' contents such as units, and letter case, so that
 * {@code 成交金额(元)} matches {@code 成交金额}. A column not here is not lost: what a session
 * sheet reports beyond these is kept with the session as the platform named it.
 * <p>
 * Kuaishou: no export layout could be confirmed; its columns go here once one is seen.
 */
enum Column {

    // Douyin compass, 整场数据下载: 基本信息
    DY_HOST_NAME("达人昵称", "主播昵称", "作者昵称", "达人名称"),
    DY_ACCOUNT("抖音号or火山号", "抖音号", "抖音号/火山号", "达人抖音号", "账号"),
    DY_SPAN("直播时间", "直播起止时间"),
    DY_START("直播开始时间", "开播时间", "开始时间"),
    DY_END("直播结束时间", "下播时间", "结束时间"),
    DY_DAY("日期", "直播日期"),
    DY_DURATION("直播时长", "开播时长"),
    DY_PAID("直播间用户支付金额", "用户支付金额", "直播间成交金额", "成交金额"),
    // 整体看板
    DY_UNIQUE_VIEWERS("直播间观看人数", "观看人数", "累计观看人数"),
    DY_VIEWS("直播间观看次数", "观看次数", "累计观看人次", "观看人次"),
    DY_PEAK("最高在线人数", "最高在线", "在线人数峰值"),
    DY_NEW_FOLLOWERS("新增粉丝数", "新增粉丝", "涨粉数", "涨粉人数"),
    // 商品分析-商品明细
    DY_PRODUCT_ID("商品ID", "商品id", "商品编号"),
    DY_PRODUCT_NAME("商品名称", "商品标题", "商品"),
    DY_PRODUCT_PAID("用户支付金额", "成交金额", "商品成交金额", "支付金额"),
    DY_PRODUCT_UNITS("成交件数", "商品成交件数", "销量", "成交商品件数"),
    DY_PRODUCT_ORDERS("成交订单数", "成交单数", "订单数", "支付订单数"),
    DY_PRODUCT_BUYERS("成交人数", "支付人数", "购买人数"),
    DY_PRODUCT_REFUNDS("退款金额", "成交退款金额"),
    // 流量分析-渠道分析
    DY_CHANNEL("渠道名称", "渠道", "流量渠道"),

    // Taobao Live, 生意参谋: 直播分场次 and 直播分商品效果
    TB_TITLE("直播标题", "标题"),
    TB_SESSION_ID("场次id", "场次ID", "直播场次id", "直播id", "直播ID"),
    TB_START("开播时间", "直播开始时间", "开始时间"),
    TB_END("结束时间", "直播结束时间", "下播时间"),
    TB_DURATION("直播时长", "开播时长"),
    TB_VIEWS("直播间观看次数", "直播间浏览次数", "观看次数", "浏览次数"),
    TB_UNIQUE_VIEWERS("直播间观看人数", "直播间访问人数", "观看人数", "访问人数"),
    TB_PEAK("最高在线人数", "在线人数峰值"),
    TB_NEW_FOLLOWERS("新增粉丝数", "新增粉丝"),
    TB_PRODUCT_ID("商品id", "商品ID", "宝贝id", "宝贝ID"),
    TB_PRODUCT_TITLE("商品标题", "商品名称", "宝贝标题"),
    TB_UNITS("成交件数", "支付件数"),
    TB_ORDERS("成交笔数", "支付笔数", "成交订单数"),
    TB_GROSS("成交金额", "支付金额"),
    TB_REFUNDS("退款金额", "成功退款金额");

    private final List<String> names;

    Column(String... names) {
        this.names = List.of(names);
    }

    /** The header the platform uses today, as the messages name the column. */
    String header() {
        return names.get(0);
    }

    boolean matches(String header) {
        String key = key(header);
        return !key.isEmpty() && names.stream().anyMatch(name -> key(name).equals(key));
    }

    /** A header as compared: NFKC, no blanks, no bracketed unit, lower case. */
    static String key(String header) {
        String text = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC);
        text = text.replaceAll("\\([^)]*\\)", "").replaceAll("（[^）]*）", "");
        return text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
