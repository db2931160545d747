package countylive.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The published figures the demo reproduces, and the counties it uses. The totals are those
 * reported for the 2020 campaigns; everything below them (per county, session, household) is
 * invented and labelled as illustrative wherever it is shown.
 */
final class DemoCampaigns {

    private DemoCampaigns() {
    }

    record County(String code, String tea) {
    }

    record Plan(String name, String theme, String description, LocalDate startsOn, LocalDate endsOn,
                List<County> counties, int sessionsPerCounty, long units, BigDecimal gross,
                long views, long people, BigDecimal targetGross, Integer targetPeople, boolean poverty) {
    }

    static final String TEA_NAME = "县长来了·春茶助农直播专场（2020，演示）";
    static final String HUBEI_NAME = "湖北助农直播一日专场（2020，演示）";

    /** 31 tea counties; 英山县 is the demo coordinator's county. */
    static final List<County> TEA_COUNTIES = List.of(
            new County("421124", "英山云雾茶"), new County("350524", "安溪铁观音"),
            new County("530826", "江城普洱茶"), new County("420529", "五峰采花毛尖"),
            new County("422828", "鹤峰容美茶"), new County("422825", "伍家台贡茶"),
            new County("420324", "竹溪贡茶"), new County("433126", "古丈毛尖"),
            new County("433125", "保靖黄金茶"), new County("430923", "安化黑茶"),
            new County("520627", "沿河古茶"), new County("520328", "湄潭翠芽"),
            new County("520327", "凤冈锌硒茶"), new County("522323", "普安红茶"),
            new County("522324", "晴隆绿茶"), new County("522634", "雷山银球茶"),
            new County("610926", "平利女娲茶"), new County("610924", "紫阳富硒茶"),
            new County("610925", "岚皋富硒茶"), new County("610728", "镇巴毛尖"),
            new County("611023", "商南泉茗"), new County("532822", "勐海普洱茶"),
            new County("530828", "澜沧古树茶"), new County("530925", "勐库大叶茶"),
            new County("530921", "凤庆滇红"), new County("511133", "马边绿茶"),
            new County("511129", "沐川红茶"), new County("341524", "六安瓜片"),
            new County("340828", "岳西翠兰"), new County("350725", "政和白茶"),
            new County("360827", "狗牯脑茶"));

    static final List<County> HUBEI_COUNTIES = List.of(
            new County("421124", "英山云雾茶"), new County("420526", "兴山香菇"),
            new County("420527", "秭归脐橙"), new County("422823", "巴东玄参蜜"),
            new County("422802", "利川红茶"), new County("422822", "建始猕猴桃"),
            new County("420528", "长阳腊肉"), new County("422827", "来凤藤茶"),
            new County("421123", "罗田板栗"), new County("421181", "麻城福白菊"));

    static final Plan TEA = new Plan(TEA_NAME, "县长直播带货，助力茶农增收",
            "演示数据：总数与公开报道一致（31 位县长、27 位主播、52.9 万件、4,041 万元、超过 450 万观看人次、"
                    + "帮扶建档立卡贫困人口 10,731 人）；各县、各场次、各户的明细为虚构。",
            LocalDate.of(2020, 4, 2), LocalDate.of(2020, 5, 24), TEA_COUNTIES, 5,
            529_000, new BigDecimal("40410000.00"), 4_563_218, 10_731,
            new BigDecimal("40000000.00"), 10_000, true);

    static final Plan HUBEI = new Plan(HUBEI_NAME, "为湖北拼单",
            "演示数据：一天成交 1,793 万元、29.9 万件与公开报道一致；各县、各场次的明细为虚构。",
            LocalDate.of(2020, 4, 12), LocalDate.of(2020, 4, 12), HUBEI_COUNTIES, 2,
            299_000, new BigDecimal("17930000.00"), 2_180_000, 0, null, null, false);

    static final int HOSTS = 27;

    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓",
            "曹", "彭"};
    static final String[] GIVEN = {"建华", "志强", "海峰", "丽娟", "国平", "晓东", "文斌", "红梅", "永刚", "春林",
            "德明", "玉兰", "学军", "秀英", "立新", "俊峰", "振华", "美玲", "长青", "卫东", "晓燕", "光辉", "桂芳",
            "新民", "雪梅", "宏伟", "静怡", "家明", "世杰", "淑贞", "子涵"};
}
