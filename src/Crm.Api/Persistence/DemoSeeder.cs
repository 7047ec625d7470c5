using Crm.Api.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>
/// Realistic demo data for a first run: two sales departments (a manager and three reps each), a service agent,
/// an analyst, an admin, ~500 customers with contacts and two years of purchases. Skipped when data exists.
/// Every demo user's password is Crm:Demo:Password.
/// </summary>
public static class DemoSeeder
{
    public const string DefaultPassword = "Demo-2026!";
    public const string AdminEmail = "admin@demo.crm";

    private static readonly string[] Regions = ["华东 East", "华北 North", "华南 South", "西南 Southwest", "东北 Northeast", "海外 Overseas"];
    private static readonly string[] Industries = ["Manufacturing", "Retail", "Logistics", "Healthcare", "Education", "Construction", "IT", "Energy"];
    private static readonly string[] CompanyStems = ["华东机电", "恒信贸易", "远洋物流", "金桥建设", "新世纪医疗", "天成电子", "鼎盛化工", "博远教育", "瑞丰食品", "宏达能源",
        "Northwind Traders", "Blue Harbor Logistics", "Summit Medical", "Evergreen Foods", "Redwood Construction", "Atlas Energy", "Pioneer Electronics", "Brightpath Education"];
    private static readonly string[] CompanySuffixes = ["有限公司", "股份有限公司", "集团", " Ltd.", " Co.", " Inc."];
    private static readonly string[] Surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "军", "强", "丽", "涛", "明"];
    private static readonly string[] EnglishFirst = ["James", "Mary", "John", "Linda", "David", "Susan", "Michael", "Karen", "Peter", "Emma"];
    private static readonly string[] EnglishLast = ["Smith", "Brown", "Taylor", "Wilson", "Clark", "Walker", "Hall", "Young", "King", "Wright"];
    private static readonly (string Product, string Category, decimal Price)[] Products =
    [
        ("Industrial pump P-200", "Equipment", 12800m), ("Control cabinet CC-5", "Equipment", 45600m), ("Spare parts kit", "Parts", 860m),
        ("Annual maintenance", "Service", 9800m), ("Installation service", "Service", 3200m), ("Sensor pack S-12", "Parts", 1450m),
        ("Operator training", "Training", 5600m), ("Software licence", "Software", 18800m),
    ];

    public static async Task SeedAsync(IServiceProvider services, IConfiguration config, ILogger logger)
    {
        var db = services.GetRequiredService<CrmDbContext>();
        if (await db.Customers.IgnoreQueryFilters().AnyAsync() || await db.Users.AnyAsync(u => u.Email == AdminEmail)) return;

        var password = config["Crm:Demo:Password"] is { Length: > 0 } p ? p : DefaultPassword;
        var users = services.GetRequiredService<UserManager<User>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var random = new Random(20261122);

        async Task<User> CreateUser(string email, string name, Role role, Guid? teamId)
        {
            var user = new User { Email = email, UserName = email, DisplayName = name, Role = role, TeamId = teamId, EmailConfirmed = true, CreatedAt = now };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded) throw new InvalidOperationException("Demo user: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return user;
        }

        await CreateUser(AdminEmail, "系统管理员 Admin", Role.Admin, null);
        await CreateUser("service@demo.crm", "客服 Chen Jing", Role.Service, null);
        await CreateUser("analyst@demo.crm", "分析师 Analyst Liu", Role.Analyst, null);

        var reps = new List<User>();
        string[][] teamPlan =
        [
            ["营业一部 Sales East", "manager1@demo.crm", "经理 Wang Lei", "rep1@demo.crm:张伟 Zhang Wei", "rep2@demo.crm:李娜 Li Na", "rep3@demo.crm:Peter Walker"],
            ["营业二部 Sales South", "manager2@demo.crm", "经理 Zhao Min", "rep4@demo.crm:刘洋 Liu Yang", "rep5@demo.crm:陈静 Chen Jing", "rep6@demo.crm:Emma Hall"],
        ];
        foreach (var plan in teamPlan)
        {
            var team = new Team { Name = plan[0] };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            var manager = await CreateUser(plan[1], plan[2], Role.Manager, team.Id);
            team.ManagerId = manager.Id;
            reps.Add(manager);
            foreach (var rep in plan[3..])
            {
                var parts = rep.Split(':');
                reps.Add(await CreateUser(parts[0], parts[1], Role.Rep, team.Id));
            }
            await db.SaveChangesAsync();
        }

        var today = DateOnly.FromDateTime(now);
        for (var i = 1; i <= 500; i++)
        {
            var isPerson = random.NextDouble() < 0.2;
            var owner = reps[random.Next(reps.Count)];
            var customer = new Customer(owner.Id)
            {
                Code = $"C-{i:000000}",
                Name = isPerson ? PersonName(random) : CompanyName(random, i),
                Kind = isPerson ? CustomerKind.Person : CustomerKind.Company,
                EnterpriseType = isPerson ? EnterpriseType.Individual : (EnterpriseType)random.Next(0, 4),
                Industry = Industries[random.Next(Industries.Length)],
                Region = Regions[random.Next(Regions.Length)],
                Level = Pick(random, (CustomerLevel.Special, 5), (CustomerLevel.A, 15), (CustomerLevel.B, 35), (CustomerLevel.C, 45)),
                CreditRating = (CreditRating)random.Next(1, 6),
                Phone = $"0{random.Next(10, 99)}-{random.Next(10000000, 99999999)}",
                Email = $"contact{i}@example.com",
                Address = $"{random.Next(1, 999)} 号, {Regions[random.Next(Regions.Length)]}",
                Postcode = random.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Origin = random.NextDouble() < 0.08 ? CustomerOrigin.Internal : CustomerOrigin.External,
                ChainPosition = random.NextDouble() < 0.3 ? ChainPosition.Intermediate : ChainPosition.Final,
                LeadSource = (LeadSource)random.Next(0, 8),
                CreatedAt = now.AddDays(-random.Next(0, 900)),
            };
            customer.IsKeyAccount = customer.Level is CustomerLevel.Special or CustomerLevel.A;
            if (isPerson) customer.Profile = new PersonalProfile { Gender = (Gender)random.Next(1, 3), Birthday = new DateOnly(random.Next(1960, 2000), random.Next(1, 13), random.Next(1, 29)), Hobbies = "golf, tea" };
            if (random.NextDouble() < 0.04) customer.SetAlert(true, "Overdue payment 逾期付款");
            if (random.NextDouble() < 0.15) customer.ReplaceTags(["conference-2026"]);

            var contactCount = random.Next(1, 4);
            for (var c = 0; c < contactCount; c++)
                customer.Contacts.Add(new Contact
                {
                    CustomerId = customer.Id, Name = PersonName(random), Title = c == 0 ? "采购经理 Purchasing manager" : "工程师 Engineer",
                    Mobile = $"1{random.Next(30, 99)}{random.Next(10000000, 99999999)}", Email = $"p{i}.{c}@example.com", IsPrimary = c == 0,
                    Birthday = random.NextDouble() < 0.5 ? new DateOnly(random.Next(1965, 2000), random.Next(1, 13), random.Next(1, 29)) : null,
                });
            db.Customers.Add(customer);

            // Prospects have not bought yet; the rest buy at a pace that follows their level.
            if (random.NextDouble() < 0.15) continue;
            var purchases = customer.Level switch { CustomerLevel.Special => 24, CustomerLevel.A => 14, CustomerLevel.B => 7, _ => 3 } + random.Next(0, 4);
            var lastDay = random.NextDouble() < 0.1 ? today.AddDays(-random.Next(300, 600)) : today;
            for (var k = 0; k < purchases; k++)
            {
                var (product, category, price) = Products[random.Next(Products.Length)];
                var purchase = new Purchase
                {
                    CustomerId = customer.Id, PurchasedOn = lastDay.AddDays(-random.Next(0, 700)), Product = product, Category = category, Currency = "CNY",
                };
                var discount = random.NextDouble() < 0.3 ? 0.9m : 1m;
                purchase.Price(random.Next(1, 20), price * discount, price);
                customer.RecordPurchase();
                db.Purchases.Add(purchase);
            }
            if (lastDay < today.AddDays(-270)) customer.MarkLapsed();
        }
        await db.SaveChangesAsync();
        await db.Sequences.Where(s => s.Name == "customer").ExecuteUpdateAsync(s => s.SetProperty(x => x.Next, 500));
        logger.LogInformation("Seeded demo data. Sign in as {Email} with password {Password} (every demo user shares it).", AdminEmail, password);
    }

    private static string PersonName(Random random) => random.NextDouble() < 0.7
        ? Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)] + (random.NextDouble() < 0.5 ? GivenNames[random.Next(GivenNames.Length)] : "")
        : $"{EnglishFirst[random.Next(EnglishFirst.Length)]} {EnglishLast[random.Next(EnglishLast.Length)]}";

    private static string CompanyName(Random random, int i)
    {
        var stem = CompanyStems[random.Next(CompanyStems.Length)];
        var chinese = stem.Any(ch => ch > 0x2E80);
        var suffix = chinese ? CompanySuffixes[random.Next(0, 3)] : CompanySuffixes[random.Next(3, 6)];
        return chinese ? $"{Regions[i % Regions.Length][..2]}{stem}{suffix}" : $"{stem} {Regions[i % Regions.Length].Split(' ')[1]}{suffix}";
    }

    private static T Pick<T>(Random random, params (T Value, int Weight)[] options)
    {
        var roll = random.Next(options.Sum(o => o.Weight));
        foreach (var (value, weight) in options)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return options[^1].Value;
    }
}
