using HomeVisit.Core.People;

namespace HomeVisit.Core.Demo;

/// <summary>
/// Made-up but plausible personal details for the demo roster. A fixed seed keeps the roster the
/// same on every machine, so screenshots, documentation and tests can name the same people.
/// </summary>
internal sealed class DemoGenerator(int seed)
{
    private readonly Random _random = new(seed);
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);

    // Common surnames, with the ones frequent in Guangxi (韦, 覃, 蒙, 莫, 农, 黎, 廖) well represented.
    private static readonly string[] Surnames =
    [
        "李", "王", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
        "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "韦", "覃", "蒙", "莫", "陆", "农", "黎",
        "廖", "邓", "冯", "蓝", "潘", "卢", "苏", "曾", "黄", "李", "陈", "韦", "梁", "覃",
    ];

    private static readonly string[] MaleGiven =
    [
        "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞",
        "志", "建", "国", "文", "俊", "宇", "浩", "峰", "海", "波", "成", "康", "健", "坤", "荣", "智",
        "永", "忠", "德", "林", "东", "晨", "毅", "锋", "庆", "盛", "龙", "炜", "昌", "源",
    ];

    private static readonly string[] FemaleGiven =
    [
        "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "玲", "婷", "雪", "慧", "颖", "琳", "燕", "洁",
        "萍", "红", "梅", "莉", "兰", "倩", "晶", "媛", "欣", "怡", "琴", "云", "秀", "佳", "薇", "丹",
        "蓉", "璐", "月", "春", "晓", "金", "凤", "宁",
    ];

    // Streets grouped by the district they run through, so an address does not put a road in the wrong district.
    private static readonly (string District, string[] Streets)[] Districts =
    [
        ("青秀区", ["民族大道", "竹溪大道", "东葛路", "金湖路", "长湖路", "仙葫大道"]),
        ("兴宁区", ["朝阳路", "民生路", "长堽路", "昆仑大道"]),
        ("江南区", ["五一路", "星光大道", "白沙大道", "亭洪路"]),
        ("西乡塘区", ["大学东路", "明秀东路", "秀厢大道", "友爱南路"]),
        ("良庆区", ["玉洞大道", "银海大道", "五象大道"]),
    ];

    private static readonly string[] Estates =
    [
        "阳光花园", "翠湖苑", "金桂园", "锦绣家园", "荔园小区", "学院教工宿舍", "邕江明珠", "绿城雅苑",
        "桂香苑", "盛世华庭", "凤凰苑", "南湖名都",
    ];

    private static readonly string[] HomeTowns =
    [
        "桂林市", "柳州市", "玉林市", "梧州市", "百色市", "河池市", "钦州市", "贵港市", "崇左市", "来宾市",
    ];

    private static readonly string[] PhonePrefixes =
        ["138", "139", "135", "136", "137", "150", "151", "152", "158", "159", "177", "180", "181", "186", "187", "188", "189", "199"];

    private static readonly (string Workplace, string? Position)[] SpouseJobs =
    [
        ("南宁市第一人民医院", "主治医师"), ("广西壮族自治区人民医院", "护士"), ("南宁市第三中学", "教师"),
        ("南宁市民主路小学", "教师"), ("南宁市青秀区人民政府", "科员"), ("南宁市西乡塘区税务局", "科员"),
        ("中国工商银行南宁分行", "客户经理"), ("中国建设银行广西分行", "柜员"), ("广西电网有限责任公司", "工程师"),
        ("广西北部湾投资集团", "会计"), ("南宁轨道交通集团", "技术员"), ("广西示范职业技术学院", "教师"),
        ("个体经营", "个体经营者"), ("南宁市某律师事务所", "律师"), ("中国移动广西公司", "职员"),
        ("自由职业", null), ("广西大学", "行政人员"), ("南宁市江南区社区卫生服务中心", "医生"),
    ];

    private static readonly string[] Schools =
    [
        "南宁市民主路小学", "南宁市滨湖路小学", "南宁市第二中学", "南宁市第三中学", "南宁市第十四中学",
        "广西大学附属中学", "南宁市青秀区凤岭幼儿园", "南宁市机关幼儿园",
    ];

    private static readonly (string Workplace, string Position, bool Local)[] GrownChildJobs =
    [
        ("深圳某科技有限公司", "软件工程师", false), ("广西大学", "在读研究生", true), ("南宁市某会计师事务所", "审计员", true),
        ("广州某设计院", "设计师", false), ("北京某高校", "在读博士生", false), ("南宁市兴宁区人民法院", "书记员", true),
        ("广西医科大学", "在读本科生", true), ("上海某贸易公司", "职员", false),
    ];

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Between(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A name not yet used in this roster, so the demo never shows two people with one name.</summary>
    public string UniqueName(Gender gender, string? surname = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = Name(gender, surname);
            if (_usedNames.Add(name) || attempt > 50) return name;
        }
    }

    public string Name(Gender gender, string? surname = null)
    {
        var given = gender == Gender.Female ? FemaleGiven : MaleGiven;
        var family = surname ?? Pick(Surnames);
        var first = Pick(given);
        if (Chance(0.3)) return family + first;
        // A repeated character (叠字) is a real but rarer pattern; avoid it so the roster reads naturally.
        string second;
        do second = Pick(given); while (second == first);
        return family + first + second;
    }

    public string Surname(string fullName) => fullName[..1];

    public string OtherSurname(string notThis)
    {
        string s;
        do s = Pick(Surnames); while (s == notThis);
        return s;
    }

    public string Phone() => Pick(PhonePrefixes) + _random.Next(0, 100_000_000).ToString("D8");

    public string NanningAddress()
    {
        var (district, streets) = Pick(Districts);
        return $"南宁市{district}{Pick(streets)}{Between(1, 399)}号{Pick(Estates)}{Between(1, 18)}栋{Between(1, 3)}单元{Between(1, 26)}0{Between(1, 4)}室";
    }

    public string HomeTown() => Pick(HomeTowns);

    public DateOnly BirthDate(int fromYear, int toYear)
        => new DateOnly(Between(fromYear, toYear), 1, 1).AddDays(Next(365));

    public (string Workplace, string? Position) SpouseJob()
    {
        var job = Pick(SpouseJobs);
        return (job.Workplace, job.Position);
    }

    public string School() => Pick(Schools);

    public (string Workplace, string Position, bool Local) GrownChildJob() => Pick(GrownChildJobs);
}
