namespace Crm.Benchmarks.Generate;

/// <summary>
/// Word lists for names that look like the product's real data: Chinese and English company names, Chinese
/// surnames with their real skew (a few surnames cover most people), phone numbers with area codes. Enough
/// variety that a name prefix finds hundreds of customers, not a third of the table.
/// </summary>
internal static class Vocabulary
{
    public static readonly string[] Cities = ["上海", "北京", "广州", "深圳", "杭州", "南京", "苏州", "成都", "重庆", "武汉", "西安", "天津", "青岛", "大连", "宁波",
        "厦门", "长沙", "郑州", "济南", "合肥", "福州", "昆明", "沈阳", "哈尔滨", "无锡", "佛山", "东莞", "常州", "温州", "南昌"];
    public static readonly string[] Cores = ["华东", "恒信", "远洋", "金桥", "新世纪", "天成", "鼎盛", "博远", "瑞丰", "宏达", "东方", "中联", "盛世", "永安", "利华",
        "金海", "长城", "光明", "新华", "安泰", "华信", "龙腾", "嘉禾", "富源", "同创", "海天", "正大", "万通", "百盛", "和信",
        "众合", "宝丰", "凯达", "汇通", "德润", "明阳", "星河", "银河", "锦程", "信达"];
    public static readonly string[] Trades = ["机电", "贸易", "物流", "建设", "医疗", "电子", "化工", "教育", "食品", "能源", "科技", "制药", "机械", "纺织", "汽车配件",
        "环保", "信息", "材料", "包装", "印刷"];
    public static readonly string[] ChineseSuffixes = ["有限公司", "股份有限公司", "集团", "有限责任公司"];
    public static readonly string[] EnglishWords = ["Northwind", "Blue Harbor", "Summit", "Evergreen", "Redwood", "Atlas", "Pioneer", "Brightpath", "Silver Lake",
        "Granite", "Harbor Point", "Oakridge", "Crescent", "Meridian", "Keystone", "Horizon", "Lakeside", "Ironwood", "Westfield", "Cedar"];
    public static readonly string[] EnglishTrades = ["Traders", "Logistics", "Medical", "Foods", "Construction", "Energy", "Electronics", "Education", "Machinery",
        "Chemicals", "Software", "Textiles"];
    public static readonly string[] EnglishSuffixes = [" Ltd.", " Co.", " Inc.", " Group"];
    // The most common surnames first; picked with a skew so that 王, 李, 张 are frequent, as they are.
    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡"];
    public static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "军", "强", "丽", "涛", "明", "超", "秀", "霞", "平", "刚",
        "桂", "英", "华", "玉", "萍", "红", "建", "文", "辉", "鹏", "飞", "婷", "宇", "浩", "凯", "健", "俊", "帆", "欣", "怡"];
    public static readonly string[] EnglishFirst = ["James", "Mary", "John", "Linda", "David", "Susan", "Michael", "Karen", "Peter", "Emma", "Oliver", "Sophia", "Daniel", "Grace"];
    public static readonly string[] EnglishLast = ["Smith", "Brown", "Taylor", "Wilson", "Clark", "Walker", "Hall", "Young", "King", "Wright", "Green", "Baker", "Carter", "Turner"];
    public static readonly string[] Regions = ["华东 East", "华北 North", "华南 South", "西南 Southwest", "东北 Northeast", "西北 Northwest", "华中 Central", "海外 Overseas"];
    public static readonly double[] RegionWeights = [30, 22, 20, 9, 6, 4, 7, 2];
    public static readonly string[] Industries = ["Manufacturing", "Retail", "Logistics", "Healthcare", "Education", "Construction", "IT", "Energy", "Finance",
        "Agriculture", "Automotive", "Chemicals"];
    public static readonly double[] IndustryWeights = [25, 14, 9, 8, 5, 9, 10, 5, 4, 3, 5, 3];
    public static readonly string[] AreaCodes = ["021", "010", "020", "0755", "0571", "025", "0512", "028", "023", "027", "029", "022", "0532", "0411", "0574"];
    public static readonly string[] MailDomains = ["163.com", "qq.com", "126.com", "sina.com", "outlook.com", "gmail.com", "company.cn", "corp.com.cn"];
    public static readonly string[] Titles = ["采购经理 Purchasing manager", "工程师 Engineer", "总经理 General manager", "财务 Finance", "技术总监 CTO", "行政 Office manager"];
    public static readonly string[] Tags = ["conference-2026", "vip-dinner", "newsletter", "trade-show-2025", "pilot"];
    public static readonly (string Product, string Category, decimal Price)[] Products =
    [
        ("Industrial pump P-200", "Equipment", 12800m), ("Control cabinet CC-5", "Equipment", 45600m), ("Compressor K-90", "Equipment", 23800m),
        ("Spare parts kit", "Parts", 860m), ("Sensor pack S-12", "Parts", 1450m), ("Valve set V-3", "Parts", 520m), ("Filter cartridge F-8", "Parts", 180m),
        ("Annual maintenance", "Service", 9800m), ("Installation service", "Service", 3200m), ("On-site repair", "Service", 1500m),
        ("Operator training", "Training", 5600m), ("Safety course", "Training", 2400m),
        ("Software licence", "Software", 18800m), ("Monitoring subscription", "Software", 3600m),
        ("Lubricant 20L", "Consumables", 420m), ("Cleaning agent 5L", "Consumables", 95m),
    ];
}
