package countylive.platform;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Douyin compass and Taobao 生意参谋 exports as the platforms write them, built with POI from the
 * layouts in the platform notes, with what real files carry: a title row above a header, SKU
 * sub-rows and a repeated header row among the products, money as {@code ¥236,552} or
 * {@code 1.2万}, rates as {@code 0.68%}, durations as {@code 1分5秒}, {@code -} for "not reported",
 * and a start and end in one cell. Every value is text, as in the platforms' downloads.
 */
public final class PlatformWorkbooks {

    private PlatformWorkbooks() {
    }

    /** One product row of a Douyin products sheet: id, name, paid amount, units, buyers (and its SKU rows). */
    public record DouyinProduct(String id, String name, String paid, String units, String buyers) {
    }

    /** A Douyin compass 整场数据下载 workbook. */
    public static final class Douyin {
        String hostName = "英山县长";
        String account = "yingshan_live";
        String span = "2020/04/10 19:00:21-2020/04/10 21:02:40";
        String uniqueViewers = "1.2万";
        String peak = "-";
        String paid = "¥13,200";
        boolean renamed;
        boolean skuRows = true;
        boolean withoutProductsSheet;
        boolean withoutAccountColumn;
        List<DouyinProduct> products = new ArrayList<>(List.of(
                new DouyinProduct("3601234567890", "英山云雾 特级 250g", "¥1,200", "12", "11"),
                new DouyinProduct("3609876543210", "英山毛尖", "1.2万", "240", "200")));

        public Douyin account(String value) {
            account = value;
            return this;
        }

        public Douyin span(String value) {
            span = value;
            return this;
        }

        Douyin viewers(String value) {
            uniqueViewers = value;
            return this;
        }

        /** The older variant with today's names changed: 抖音号, 直播开始时间 + 直播结束时间, 商品编号, 销量 … */
        Douyin renamed() {
            renamed = true;
            return this;
        }

        public Douyin products(DouyinProduct... values) {
            products = new ArrayList<>(Arrays.asList(values));
            return this;
        }

        Douyin withoutProductsSheet() {
            withoutProductsSheet = true;
            return this;
        }

        Douyin withoutAccountColumn() {
            withoutAccountColumn = true;
            return this;
        }

        public byte[] bytes() {
            try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                String[] times = span.split("-(?=\\d{4}/)");
                if (renamed) {
                    rows(workbook.createSheet("基本信息"),
                            List.of("主播昵称", "抖音号", "直播开始时间", "直播结束时间", "成交金额", "千次观看成交金额"),
                            List.of(hostName, account, times[0], times[1], paid, "¥96.5"));
                } else if (withoutAccountColumn) {
                    rows(workbook.createSheet("基本信息"), List.of("达人昵称", "直播时间", "直播间用户支付金额"),
                            List.of(hostName, span, paid));
                } else {
                    rows(workbook.createSheet("基本信息"),
                            List.of("达人昵称", "抖音号or火山号", "直播时间", "直播间用户支付金额", "千次观看用户支付金额"),
                            List.of(hostName, account, span, paid, "¥96.5"));
                }
                rows(workbook.createSheet("整体看板"),
                        List.of("数据更新时间：2020/04/11 02:00"),
                        List.of(renamed ? "观看人数" : "直播间观看人数", "平均在线人数", "人均观看时长", "最高在线人数",
                                "直播间观看-成交率(人数)", "直播间商品点击-成交率(人数)", "直播间曝光-观看率(人数)"),
                        List.of(uniqueViewers, "356", "1分5秒", peak, "0.68%", "5.1%", "12.3%"));
                rows(workbook.createSheet("流量分析-流量转化"),
                        List.of("直播间曝光人数", "152,300"), List.of("直播间观看人数", uniqueViewers),
                        List.of("成交人数", "211"));
                rows(workbook.createSheet("流量分析-渠道分析"),
                        List.of("渠道名称", "观看人数", "用户支付金额", "成交订单数", "千川消耗"),
                        List.of("整体", uniqueViewers, paid, "223", "¥2,360.5"),
                        List.of("千川PC版", "3,100", "¥4,100", "60", "¥2,360.5"),
                        List.of("自然推荐-推荐feed", "8,900", "¥9,100", "163", "-"));
                if (!withoutProductsSheet) {
                    List<String> header = renamed
                            ? List.of("商品编号", "商品标题", "成交金额", "销量", "成交人数", "商品曝光人数", "商品点击人数")
                            : List.of("商品ID", "商品名称", "用户支付金额", "成交件数", "成交人数", "商品曝光人数", "商品点击人数");
                    List<List<String>> rows = new ArrayList<>();
                    rows.add(header);
                    for (int i = 0; i < products.size(); i++) {
                        DouyinProduct p = products.get(i);
                        rows.add(List.of(p.id(), p.name(), p.paid(), p.units(), p.buyers(), "12,000", "1,530"));
                        if (skuRows) {
                            // its SKU sub-rows: figures of a part of the product, never added again
                            rows.add(List.of("-", "规格：250g×1", p.paid(), p.units(), p.buyers(), "-", "-"));
                            rows.add(List.of("-", "规格：250g×2", "¥0", "0", "0", "-", "-"));
                        }
                        if (i == 0) {
                            rows.add(header); // a header row repeated among the products
                        }
                    }
                    rows(workbook.createSheet("商品分析-商品明细"), rows.toArray(List[]::new));
                }
                workbook.write(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static Douyin douyin() {
        return new Douyin();
    }

    /** A Taobao 直播分场次 file: one row per session (title, id, start, views, unique viewers, …). */
    static byte[] taobaoSessions(List<String>... sessions) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("直播标题", "场次id", "开播时间", "直播时长", "直播间观看次数", "直播间观看人数", "新增粉丝数", "转粉率",
                "商品点击人数", "商品点击次数", "商品点击率", "成交转化率", "成交人数", "成交件数", "成交笔数", "成交金额"));
        rows.addAll(Arrays.asList(sessions));
        rows.add(List.of("合计", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""));
        return workbook("直播分场次", rows);
    }

    /** A Taobao session row: title, id, start, duration, views, unique viewers, new followers. */
    static List<String> taobaoSession(String title, String id, String start, String duration, String views,
                                      String unique, String followers) {
        return List.of(title, id, start, duration, views, unique, followers, "1.5%", "3,200", "5,100", "12.0%", "2.1%",
                "180", "260", "240", "¥23,400");
    }

    /** A Taobao 直播分商品效果 file: one row per product per session. */
    static byte[] taobaoProducts(List<String>... products) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("商品标题", "商品id", "直播标题", "场次id", "开播时间", "商品点击人数", "商品点击次数", "加购商品件数",
                "加购人数", "成交人数", "成交件数", "成交笔数", "成交金额", "退款件数", "退款人数", "退款金额"));
        rows.addAll(Arrays.asList(products));
        return workbook("直播分商品效果", rows);
    }

    /** A Taobao product row: title, id, session id, start, units, orders, gross, refunds. */
    static List<String> taobaoProduct(String title, String id, String sessionId, String start, String units,
                                      String orders, String gross, String refunds) {
        return List.of(title, id, "英山好茶", sessionId, start, "1,200", "1,800", "300", "210", "150", units, orders,
                gross, "2", "2", refunds);
    }

    static byte[] workbook(String sheet, List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            rows(workbook.createSheet(sheet), rows.toArray(List[]::new));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SafeVarargs
    private static void rows(Sheet sheet, List<String>... rows) {
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows[r].size(); c++) {
                row.createCell(c).setCellValue(rows[r].get(c));
            }
        }
    }
}
