using HomeVisit.Core.People;

namespace HomeVisit.DataGen;

/// <summary>Plausible names, phone numbers and addresses for generated people, from the generator's one random source.</summary>
internal sealed class DemoNames(Random random)
{
    private static readonly string[] Surnames =
    [
        "李", "王", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "韦", "覃", "蒙", "莫", "陆", "农", "黎", "廖", "邓", "冯", "蓝", "潘", "卢", "苏", "曾",
    ];
    private static readonly string[] Male =
        ["伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "志", "建", "国", "文", "俊", "宇", "浩", "峰"];
    private static readonly string[] Female =
        ["芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "玲", "婷", "雪", "慧", "颖", "琳", "燕", "洁", "萍", "红", "梅", "莉", "兰", "倩", "晶", "媛"];
    private static readonly string[] Districts = ["青秀区", "兴宁区", "江南区", "西乡塘区", "良庆区"];
    private static readonly string[] Streets = ["民族大道", "大学东路", "明秀东路", "秀厢大道", "友爱南路", "五一路", "东葛路", "竹溪大道"];
    private static readonly string[] Estates = ["阳光花园", "翠湖苑", "金桂园", "锦绣家园", "荔园小区", "教工宿舍", "邕江明珠", "绿城雅苑"];

    public string Person(Gender gender) => Surnames[random.Next(Surnames.Length)] + Given(gender);

    public string Given(Gender? gender = null)
    {
        var pool = (gender ?? (random.Next(2) == 0 ? Gender.Male : Gender.Female)) == Gender.Female ? Female : Male;
        var first = pool[random.Next(pool.Length)];
        return random.NextDouble() < 0.3 ? first : first + pool[random.Next(pool.Length)];
    }

    public string Phone() => "1" + random.Next(30, 90).ToString("D2", System.Globalization.CultureInfo.InvariantCulture)
        + random.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    public string Address() =>
        $"南宁市{Districts[random.Next(Districts.Length)]}{Streets[random.Next(Streets.Length)]}{random.Next(1, 400)}号{Estates[random.Next(Estates.Length)]}{random.Next(1, 19)}栋{random.Next(1, 27)}0{random.Next(1, 5)}室";
}
