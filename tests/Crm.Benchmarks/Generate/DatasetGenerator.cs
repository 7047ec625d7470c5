using System.Diagnostics;
using System.Globalization;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.Benchmarks.Generate;

/// <summary>
/// Builds a benchmark database: the schema comes from the API's own migrations, the rows from raw prepared INSERTs
/// with the secondary indexes dropped during the load and rebuilt afterwards (one sort per index instead of
/// millions of random B-tree inserts). Per customer: contacts, purchases over three years, a points ledger whose
/// running balance ends at the customer's Points and whose tier history follows the 12-month earn rule, and the
/// search terms the API would write (CustomerSearchTerm.TermsOf). Then visits, complaints and referrals.
/// Everything is seeded, so the same size gives the same data.
/// </summary>
internal sealed class DatasetGenerator(GenerateOptions options, TextWriter log)
{
    public const string Password = "Bench-2026!";
    public const string AdminEmail = "admin@bench.crm";
    public const int Teams = 20;
    public const int RepsPerTeam = 10;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly DateTime _now = DateTime.UtcNow;
    private readonly Random _random = new(20261122);
    private readonly IdMaker _ids = new(DateTime.UtcNow.AddDays(-2));
    private readonly LoyaltyPolicy _policy = new();
    private readonly MembershipTier[] _tiers = MembershipTier.Defaults;
    private readonly List<string> _summary = [];

    // Per-customer plan, decided before any row is written so that referrals, lifecycles and ledgers agree.
    private string[] _customerIds = [];
    private byte[] _level = [];
    private Lifecycle[] _lifecycle = [];
    private short[] _owner = [];
    private DateTime[] _created = [];
    private DateOnly[] _lastPurchase = [];
    private int[] _purchaseCount = [];
    private int[] _referralOf = [];
    private readonly Dictionary<int, List<int>> _rewardsOf = [];
    private ReferralPlan[] _referrals = [];
    private string[] _repIds = [];
    private string[] _userIds = [];
    private string _serviceUserId = "";

    public async Task<int> RunAsync()
    {
        var total = Stopwatch.StartNew();
        var path = Path.GetFullPath(options.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" }) File.Delete(file);
        log.WriteLine($"generate: {options.Customers:N0} customers into {path}");

        var step = Stopwatch.StartNew();
        await MigrateAsync(path);
        log.WriteLine($"  schema from the API's migrations in {step.Elapsed.TotalSeconds:0.0} s");

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        // Load settings: nothing needs to survive a crash of the generator, so no journal and no fsync; the
        // page cache is made large because index builds sort tens of millions of keys.
        Exec(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA locking_mode=EXCLUSIVE; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-1048576;");
        var indexes = DropSecondaryIndexes(connection);

        Plan();
        using (var writer = new BulkWriter(connection))
        {
            Timed("users and teams", () => WriteUsers(writer));
            Timed("customers, contacts, purchases, ledgers, search terms", () => WriteCustomers(writer));
            Timed("referrals", () => WriteReferrals(writer));
            Timed("visits", () => WriteVisits(writer));
            Timed("complaints", () => WriteComplaints(writer));
            writer.Commit();
            WriteSequences(connection);
            foreach (var table in writer.Tables.GroupBy(t => t.Name))
            {
                var rows = table.Sum(t => t.Rows);
                var seconds = table.Sum(t => t.Ticks) / (double)Stopwatch.Frequency;
                _summary.Add($"| {table.Key} | {rows:N0} | {(seconds > 0 ? rows / seconds : 0):N0} |");
            }
        }

        step.Restart();
        foreach (var sql in indexes) Exec(connection, sql);
        log.WriteLine($"  {indexes.Count} secondary indexes rebuilt in {step.Elapsed.TotalSeconds:0.0} s");
        DerivedTables.Rebuild(connection, log);
        // Back to what the API expects of the file: WAL, so readers never wait for the writer.
        Exec(connection, "PRAGMA locking_mode=NORMAL; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        if (options.Analyze)
        {
            step.Restart();
            Exec(connection, "ANALYZE;");
            log.WriteLine($"  ANALYZE in {step.Elapsed.TotalSeconds:0.0} s");
        }
        connection.Close();

        var size = new FileInfo(path).Length;
        log.WriteLine();
        log.WriteLine("| table | rows | insert rows/s |");
        log.WriteLine("|---|---:|---:|");
        foreach (var line in _summary) log.WriteLine(line);
        log.WriteLine();
        log.WriteLine($"generate: done in {total.Elapsed.TotalSeconds:0.0} s, {size / 1024.0 / 1024 / 1024:0.00} GiB. Sign in as {AdminEmail}, manager1@bench.crm or rep1@bench.crm with '{Password}'.");
        return 0;
    }

    private void Timed(string what, Action action)
    {
        var step = Stopwatch.StartNew();
        action();
        log.WriteLine($"  {what} in {step.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>An existing benchmark database brought to the API's current schema, with its derived tables recomputed.</summary>
    public static async Task<int> UpgradeAsync(string path, TextWriter log)
    {
        await MigrateAsync(path);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        DerivedTables.Rebuild(connection, log);
        return 0;
    }

    private static async Task MigrateAsync(string path)
    {
        // No pooling: an idle pooled connection left open would block the switch to WAL at the end.
        var dbOptions = new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        await using var db = new SqliteCrmDbContext(dbOptions);
        await db.Database.MigrateAsync();
    }

    private static List<string> DropSecondaryIndexes(SqliteConnection connection)
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL";
            using var reader = command.ExecuteReader();
            while (reader.Read()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) Exec(connection, $"DROP INDEX \"{name}\"");
        return [.. indexes.Select(i => i.Sql)];
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    // ---------------------------------------------------------------- plan

    private void Plan()
    {
        var n = options.Customers;
        _customerIds = new string[n];
        _level = new byte[n];
        _lifecycle = new Lifecycle[n];
        _owner = new short[n];
        _created = new DateTime[n];
        _lastPurchase = new DateOnly[n];
        _purchaseCount = new int[n];
        _referralOf = new int[n];
        Array.Fill(_referralOf, -1);

        var reps = Teams * RepsPerTeam;
        // Reps do not carry equal books: some have twice the customers of others.
        var repWeights = Enumerable.Range(0, reps).Select(_ => 0.5 + _random.NextDouble()).ToArray();
        var repCumulative = Cumulative(repWeights);
        var threeYearsAgo = _now.AddYears(-3);
        for (var i = 0; i < n; i++)
        {
            _customerIds[i] = _ids.Next();
            _owner[i] = (short)Pick(repCumulative);
            _level[i] = (byte)Weighted((CustomerLevel.Special, 3), (CustomerLevel.A, 12), (CustomerLevel.B, 35), (CustomerLevel.C, 50));
            _lifecycle[i] = Weighted((Lifecycle.Prospect, 12), (Lifecycle.Active, 70), (Lifecycle.Lapsed, 15), (Lifecycle.Archived, 3));
            _created[i] = _lifecycle[i] == Lifecycle.Prospect
                ? _now.AddMinutes(-_random.Next(60, 3 * 365 * 24 * 60))
                : threeYearsAgo.AddDays(-_random.Next(0, 180)).AddMinutes(_random.Next(0, 24 * 60));
            var today = DateOnly.FromDateTime(_now);
            _lastPurchase[i] = _lifecycle[i] switch
            {
                Lifecycle.Active => today.AddDays(-_random.Next(0, 120)),
                Lifecycle.Lapsed or Lifecycle.Archived => today.AddDays(-_random.Next(300, 900)),
                _ => default,
            };
        }

        // Referrals: a referred prospect, its referrer an older buying customer. Won ones bought from the day they were won.
        var count = (int)(n * options.ReferralShare);
        _referrals = new ReferralPlan[count];
        var taken = new HashSet<int>();
        var referrers = new HashSet<int>();
        for (var r = 0; r < count; r++)
        {
            int referred, referrer;
            do referred = _random.Next(n); while (referrers.Contains(referred) || !taken.Add(referred));
            var status = Weighted((ReferralStatus.Won, 40), (ReferralStatus.Lost, 15), (ReferralStatus.New, 15), (ReferralStatus.Contacted, 15), (ReferralStatus.Qualified, 15));
            var referredOn = status is ReferralStatus.Won or ReferralStatus.Lost
                ? DateOnly.FromDateTime(_now.AddDays(-_random.Next(60, 3 * 365)))
                : DateOnly.FromDateTime(_now.AddDays(-_random.Next(0, 45)));
            var attempts = 0;
            do referrer = _random.Next(n);
            while ((referrer == referred || _lifecycle[referrer] == Lifecycle.Prospect || _referralOf[referrer] >= 0
                    || DateOnly.FromDateTime(_created[referrer]) >= referredOn) && ++attempts < 200);
            referrers.Add(referrer);
            _referralOf[referred] = r;
            _lifecycle[referred] = status == ReferralStatus.Won ? Lifecycle.Active : Lifecycle.Prospect;
            _created[referred] = referredOn.ToDateTime(new TimeOnly(_random.Next(1, 10), _random.Next(0, 60)), DateTimeKind.Utc);
            if (_level[referred] > (byte)CustomerLevel.A) _level[referred] = (byte)CustomerLevel.A;
            DateTime? wonAt = status == ReferralStatus.Won ? _created[referred].AddDays(_random.Next(3, 30)) : null;
            if (wonAt > _now) wonAt = _now.AddHours(-1);
            _lastPurchase[referred] = status == ReferralStatus.Won ? DateOnly.FromDateTime(_now).AddDays(-_random.Next(0, 60)) : default;
            if (wonAt is { } won && _lastPurchase[referred] < DateOnly.FromDateTime(won)) _lastPurchase[referred] = DateOnly.FromDateTime(won);
            _referrals[r] = new ReferralPlan(_ids.Next(), referrer, referred, status, referredOn, wonAt, wonAt is not null && _random.NextDouble() < 0.8);
            if (wonAt is not null)
            {
                if (!_rewardsOf.TryGetValue(referrer, out var list)) _rewardsOf[referrer] = list = [];
                list.Add(r);
            }
        }

        // Purchases: buying customers, more for higher levels, scaled to the exact total.
        var weights = new double[n];
        for (var i = 0; i < n; i++)
            if (_lifecycle[i] != Lifecycle.Prospect)
                weights[i] = (_level[i] switch { 0 => 8.0, 1 => 4.0, 2 => 1.6, _ => 0.8 }) * (0.5 + _random.NextDouble());
        var scale = options.Customers * options.PurchasesPerCustomer / weights.Sum();
        double running = 0;
        long assigned = 0;
        for (var i = 0; i < n; i++)
        {
            if (weights[i] == 0) continue;
            running += weights[i] * scale;
            var upTo = (long)Math.Round(running);
            _purchaseCount[i] = (int)Math.Max(1, upTo - assigned);
            assigned += _purchaseCount[i];
        }

        _repIds = new string[reps];
    }

    // ---------------------------------------------------------------- users

    private void WriteUsers(BulkWriter writer)
    {
        // One PBKDF2 hash for every user: hashing 220 passwords would take longer than loading a million customers.
        var hash = new PasswordHasher<User>().HashPassword(new User(), Password);
        var users = writer.Table("AspNetUsers", "Id", "DisplayName", "Role", "TeamId", "IsDisabled", "CreatedAt", "Version", "UserName", "NormalizedUserName",
            "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled",
            "LockoutEnabled", "AccessFailedCount");
        var teams = writer.Table("Teams", "Id", "Name", "ManagerId", "Version", "CreatedAt", "UpdatedAt");
        var created = Ts(_now.AddYears(-4));
        var all = new List<string>();
        string User(string email, string name, Role role, string? teamId)
        {
            var id = _ids.Next();
            users.Insert(id, name, role.ToString(), teamId, 0, created, 1, email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), 1, hash,
                Convert.ToHexString(Guid.NewGuid().ToByteArray()), Guid.NewGuid().ToString(), 0, 0, 1, 0);
            all.Add(id);
            return id;
        }
        User(AdminEmail, "系统管理员 Admin", Role.Admin, null);
        _serviceUserId = User("service@bench.crm", "客服 Service desk", Role.Service, null);
        User("analyst@bench.crm", "分析师 Analyst", Role.Analyst, null);
        for (var t = 0; t < Teams; t++)
        {
            var teamId = _ids.Next();
            var managerId = User($"manager{t + 1}@bench.crm", $"经理 Manager {t + 1}", Role.Manager, teamId);
            teams.Insert(teamId, $"营业{t + 1}部 Sales {t + 1}", managerId, 1, created, created);
            for (var r = 0; r < RepsPerTeam; r++)
            {
                var number = t * RepsPerTeam + r + 1;
                _repIds[number - 1] = User($"rep{number}@bench.crm", $"客户经理 Rep {number}", Role.Rep, teamId);
            }
        }
        _userIds = [.. all];
    }

    // ---------------------------------------------------------------- customers and everything per customer

    private void WriteCustomers(BulkWriter writer)
    {
        var customers = writer.Table("Customers", "Id", "Address", "AlertReason", "ArchivedAt", "Birthday", "ChainPosition", "Code", "CreatedAt", "CreatedBy",
            "CreditRating", "Email", "EnterpriseType", "Family", "Fax", "Gender", "Hobbies", "IncomeBand", "Industry", "IsAlerted", "IsKeyAccount", "Kind",
            "LeadSource", "Level", "Lifecycle", "LifecycleBeforeArchive", "Name", "Occupation", "Origin", "OwnerId", "Personality", "Phone", "Points",
            "Postcode", "ReferredById", "Region", "Tier", "UpdatedAt", "UpdatedBy", "Version", "Website", "ListOrder", "LastAssessedOn", "LatestGrade", "BirthdayMonthDay");
        var contacts = writer.Table("Contacts", "Id", "CustomerId", "Name", "Title", "Mobile", "Phone", "Email", "Birthday", "IsPrimary", "Version",
            "CreatedAt", "UpdatedAt", "CreatedBy", "UpdatedBy", "BirthdayMonthDay", "CustomerOwnerId");
        var purchases = writer.Table("Purchases", "Id", "CustomerId", "PurchasedOn", "Product", "Category", "Quantity", "UnitPrice", "ListUnitPrice",
            "Amount", "Currency", "Version", "CreatedAt", "UpdatedAt", "CreatedBy", "UpdatedBy");
        var points = writer.Table("PointsEntries", "Id", "CustomerId", "Kind", "Source", "Amount", "BalanceAfter", "Reason", "PurchaseId", "ReferralId",
            "CreatedBy", "CreatedAt");
        var tierChanges = writer.Table("TierChanges", "Id", "CustomerId", "FromTier", "ToTier", "Earned12Months", "ChangedAt");
        var terms = writer.Table("CustomerSearchTerms", "CustomerId", "SourceId", "OwnerId", "Term");
        var tags = writer.Table("CustomerTag", "CustomerId", "Tag");

        var regionCumulative = Cumulative(Vocabulary.RegionWeights);
        var industryCumulative = Cumulative(Vocabulary.IndustryWeights);
        var ledger = new List<LedgerLine>();
        var progress = Stopwatch.StartNew();
        for (var i = 0; i < options.Customers; i++)
        {
            var id = _customerIds[i];
            var ownerId = _repIds[_owner[i]];
            var level = (CustomerLevel)_level[i];
            var isPerson = _random.NextDouble() < 0.2;
            var name = isPerson ? PersonName() : CompanyName();
            var code = $"C-{i + 1:000000}";
            var phone = $"{Vocabulary.AreaCodes[_random.Next(Vocabulary.AreaCodes.Length)]}-{_random.Next(20000000, 89999999)}";
            var email = $"c{i + 1}@{Vocabulary.MailDomains[_random.Next(Vocabulary.MailDomains.Length)]}";
            var created = _created[i];
            var referral = _referralOf[i] >= 0 ? _referrals[_referralOf[i]] : null;

            // Contacts: one to three, exactly two on average (pairs of customers share four).
            var contactCount = i % 2 == 0 ? 1 + _random.Next(3) : 4 - _lastContactCount;
            _lastContactCount = contactCount;
            for (var c = 0; c < contactCount; c++)
            {
                var contactId = _ids.Next();
                var contactName = PersonName();
                var mobile = $"1{_random.Next(30, 99)}{_random.Next(10000000, 99999999)}";
                var contactEmail = $"p{i + 1}.{c}@{Vocabulary.MailDomains[_random.Next(Vocabulary.MailDomains.Length)]}";
                DateOnly? contactBirthday = _random.NextDouble() < 0.4 ? new DateOnly(_random.Next(1960, 2002), _random.Next(1, 13), _random.Next(1, 29)) : null;
                contacts.Insert(contactId, id, contactName, Vocabulary.Titles[_random.Next(Vocabulary.Titles.Length)], mobile, null, contactEmail,
                    contactBirthday is { } cb ? D(cb) : null, c == 0 ? 1 : 0, 1, Ts(created), Ts(created), ownerId, ownerId, BirthdayMonthDays.Of(contactBirthday), ownerId);
                foreach (var term in CustomerSearchTerm.TermsOf(contactName, mobile, null, contactEmail)) terms.Insert(id, contactId, ownerId, term);
            }

            // Purchases and the ledger they earn, in time order, so every BalanceAfter is the running sum.
            ledger.Clear();
            var count = _purchaseCount[i];
            if (count > 0)
            {
                var first = DateOnly.FromDateTime(referral?.WonAt ?? created);
                var firstDay = Math.Max(first.DayNumber, DateOnly.FromDateTime(_now.AddYears(-3)).DayNumber);
                var lastDay = Math.Max(firstDay, _lastPurchase[i].DayNumber);
                var days = new int[count];
                for (var k = 0; k < count; k++) days[k] = k == 0 && referral?.WonAt is not null ? firstDay : _random.Next(firstDay, lastDay + 1);
                Array.Sort(days);
                foreach (var day in days)
                {
                    var (product, category, price) = Vocabulary.Products[_random.Next(Vocabulary.Products.Length)];
                    var quantity = (decimal)_random.Next(1, 20);
                    var unit = _random.NextDouble() < 0.3 ? price * 0.9m : price;
                    var amount = decimal.Round(quantity * unit, 2, MidpointRounding.AwayFromZero);
                    var at = DateOnly.FromDayNumber(day).ToDateTime(new TimeOnly(_random.Next(1, 12), _random.Next(0, 60), _random.Next(0, 60)), DateTimeKind.Utc);
                    var purchaseId = _ids.Next();
                    purchases.Insert(purchaseId, id, D(DateOnly.FromDayNumber(day)), product, category, (double)quantity, (double)unit, (double)price,
                        (double)amount, "CNY", 1, Ts(at), Ts(at), ownerId, ownerId);
                    var earned = _policy.PointsFor(amount);
                    if (earned > 0) ledger.Add(new LedgerLine(at, PointsKind.Earn, PointsSource.Purchase, earned, $"{product} ×{quantity:0.###}", purchaseId, null));
                }
            }
            if (_rewardsOf.TryGetValue(i, out var rewards))
                foreach (var r in rewards)
                    ledger.Add(new LedgerLine(_referrals[r].WonAt!.Value, PointsKind.Earn, PointsSource.Referral, _policy.ReferralRewardPoints, "Referral reward", null, _referrals[r].Id));
            ledger.Sort((a, b) => a.At.CompareTo(b.At));
            var earnedTotal = ledger.Sum(l => l.Amount);
            if (earnedTotal > 2000 && _random.NextDouble() < 0.25)
            {
                var at = ledger[^1].At.AddDays(_random.Next(1, 30));
                if (at < _now) ledger.Add(new LedgerLine(at, PointsKind.Redeem, PointsSource.Redemption, -(earnedTotal / 2), "Gift redemption 礼品兑换", null, null));
            }
            long balance = 0;
            string? tier = null;
            var windowStart = 0;
            long windowEarned = 0;
            for (var k = 0; k < ledger.Count; k++)
            {
                var line = ledger[k];
                balance += line.Amount;
                points.Insert(_ids.Next(), id, line.Kind.ToString(), line.Source.ToString(), line.Amount, balance, line.Reason, line.PurchaseId, line.ReferralId,
                    ownerId, Ts(line.At));
                // The tier after each posting: what was earned in the 12 months up to it (PointsLedger.RecomputeTierAsync).
                if (line.Kind == PointsKind.Earn) windowEarned += line.Amount;
                while (ledger[windowStart].At < line.At.AddMonths(-12))
                {
                    if (ledger[windowStart].Kind == PointsKind.Earn) windowEarned -= ledger[windowStart].Amount;
                    windowStart++;
                }
                var next = MembershipTier.For(_tiers, windowEarned)?.Name;
                if (next is not null && next != tier)
                {
                    tierChanges.Insert(_ids.Next(), id, tier, next, windowEarned, Ts(line.At));
                    tier = next;
                }
            }

            var lifecycle = _lifecycle[i];
            DateTime? archivedAt = lifecycle == Lifecycle.Archived ? _lastPurchase[i].ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(_random.Next(30, 200)) : null;
            if (archivedAt > _now) archivedAt = _now.AddDays(-1);
            var updated = ledger.Count > 0 ? ledger[^1].At : created;
            if (archivedAt > updated) updated = archivedAt.Value;
            var priorityLead = referral is not null && lifecycle == Lifecycle.Prospect;
            var alerted = _random.NextDouble() < 0.03;
            var assessed = _random.NextDouble() < 0.1 ? DateOnly.FromDateTime(_now.AddDays(-_random.Next(0, 540))) : (DateOnly?)null;
            // In the order the values were drawn before the birthday's month and day was written too, so a file comes out the same.
            var address = $"{_random.Next(1, 999)} 号, {Vocabulary.Cities[_random.Next(Vocabulary.Cities.Length)]}";
            DateOnly? birthday = isPerson ? new DateOnly(_random.Next(1955, 2002), _random.Next(1, 13), _random.Next(1, 29)) : null;
            customers.Insert(id, address, alerted ? "Overdue payment 逾期付款" : null,
                archivedAt is { } a ? Ts(a) : null, birthday is { } b ? D(b) : null,
                (_random.NextDouble() < 0.3 ? ChainPosition.Intermediate : ChainPosition.Final).ToString(), code, Ts(created), ownerId,
                ((CreditRating)_random.Next(1, 6)).ToString(), email,
                (isPerson ? EnterpriseType.Individual : Weighted((EnterpriseType.Private, 55), (EnterpriseType.StateOwned, 20), (EnterpriseType.Foreign, 10), (EnterpriseType.JointVenture, 10), (EnterpriseType.Other, 5))).ToString(),
                null, null, (isPerson ? (Gender)_random.Next(1, 3) : Gender.Unspecified).ToString(), isPerson ? "golf, tea" : null,
                (isPerson ? (IncomeBand)_random.Next(1, 6) : IncomeBand.Unspecified).ToString(),
                Vocabulary.Industries[Pick(industryCumulative)], alerted ? 1 : 0, level <= CustomerLevel.A ? 1 : 0,
                (isPerson ? CustomerKind.Person : CustomerKind.Company).ToString(),
                (referral is not null ? LeadSource.Referral : (LeadSource)Weighted((0, 15), (1, 15), (2, 20), (3, 5), (4, 10), (6, 25), (7, 10))).ToString(),
                (int)level, lifecycle.ToString(), lifecycle == Lifecycle.Archived ? Lifecycle.Lapsed.ToString() : null, name, null,
                (_random.NextDouble() < 0.08 ? CustomerOrigin.Internal : CustomerOrigin.External).ToString(), ownerId, null, phone, balance,
                _random.Next(100000, 999999).ToString(Inv), referral is not null ? _customerIds[referral.Referrer] : null,
                Vocabulary.Regions[Pick(regionCumulative)], tier, Ts(updated), ownerId, 1 + ledger.Count, null,
                (priorityLead ? "0" : "1") + name, assessed is { } d ? D(d) : null, assessed is null ? null : "ABCD"[_random.Next(4)].ToString(), BirthdayMonthDays.Of(birthday));
            foreach (var term in CustomerSearchTerm.TermsOf(name, code, phone, email)) terms.Insert(id, id, ownerId, term);
            if (_random.NextDouble() < 0.1) tags.Insert(id, Vocabulary.Tags[_random.Next(Vocabulary.Tags.Length)]);

            if ((i + 1) % 100_000 == 0)
                log.WriteLine($"    {i + 1:N0} customers, {(i + 1) / progress.Elapsed.TotalSeconds:N0}/s");
        }
    }

    private int _lastContactCount;

    private void WriteReferrals(BulkWriter writer)
    {
        var referrals = writer.Table("Referrals", "Id", "ReferrerId", "ReferredId", "ReferredOwnerId", "Channel", "Note", "ReferredOn", "MustCloseBy", "Status", "LostReason",
            "WonAt", "ThankedAt", "ThanksMethod", "RewardGranted", "Version", "CreatedAt", "UpdatedAt", "CreatedBy", "UpdatedBy");
        foreach (var r in _referrals)
        {
            var owner = _repIds[_owner[r.Referred]];
            var created = r.ReferredOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            DateTime? thanked = r.Thanked && r.WonAt is { } w ? w.AddDays(_random.Next(1, 10)) : null;
            if (thanked > _now) thanked = null;
            referrals.Insert(r.Id, _customerIds[r.Referrer], _customerIds[r.Referred], owner, ((ReferralChannel)_random.Next(0, 6)).ToString(), null, D(r.ReferredOn),
                D(r.ReferredOn.AddDays(_policy.ReferralMustCloseDays)), r.Status.ToString(), r.Status == ReferralStatus.Lost ? "Chose a competitor" : null,
                r.WonAt is { } won ? Ts(won) : null, thanked is { } t ? Ts(t) : null, thanked is null ? null : "Phone call 电话致谢", r.WonAt is null ? 0 : 1,
                1, Ts(created), Ts(thanked ?? r.WonAt ?? created), owner, owner);
        }
    }

    // ---------------------------------------------------------------- visits

    private void WriteVisits(BulkWriter writer)
    {
        var visits = writer.Table("Visits", "Id", "CustomerId", "CustomerOwnerId", "VisitorId", "Form", "Category", "Purposes", "Agenda", "PlannedStart", "PlannedEnd",
            "Status", "ActualStart", "ActualEnd", "Summary", "Outcome", "NextSteps", "ReviewStatus", "Submissions", "ReviewedBy", "ReviewedAt",
            "Version", "CreatedAt", "UpdatedAt", "CreatedBy", "UpdatedBy");
        var events = writer.Table("VisitEvents", "Id", "VisitId", "Kind", "ActorId", "At", "Comment", "Position");
        var purposes = PurposesColumn();

        // Key accounts are visited far more often (the policy asks Special twice a week, A weekly); archived never.
        var weights = new double[options.Customers];
        for (var i = 0; i < weights.Length; i++)
            weights[i] = _lifecycle[i] == Lifecycle.Archived ? 0 : _lifecycle[i] == Lifecycle.Prospect ? 0.8 : _level[i] switch { 0 => 12, 1 => 6, 2 => 1, _ => 0.4 };
        var cumulative = Cumulative(weights);
        var count = (int)(options.Customers * options.VisitsPerCustomer);
        // Times first, sorted, so ids follow time like they do in production.
        var times = new DateTime[count];
        for (var v = 0; v < count; v++)
            times[v] = _random.NextDouble() < 0.05
                ? _now.AddDays(-2).AddMinutes(_random.Next(0, 16 * 24 * 60))
                : _now.AddMinutes(-_random.Next(60, 2 * 365 * 24 * 60));
        Array.Sort(times);
        for (var v = 0; v < count; v++)
        {
            var customer = Pick(cumulative);
            // Reps visit their own customers.
            var owner = _repIds[_owner[customer]];
            var visitor = owner;
            var managerId = _userIds[3 + (_owner[customer] / RepsPerTeam) * (RepsPerTeam + 1)];
            var id = _ids.Next();
            var start = times[v];
            var end = start.AddMinutes(_random.Next(20, 120));
            var onSite = _random.NextDouble() < (_level[customer] <= 1 ? 0.7 : 0.4);
            var category = _lifecycle[customer] == Lifecycle.Prospect ? VisitCategory.Target : VisitCategory.Existing;
            var purpose = purposes[_random.Next(purposes.Length)];
            var planned = start > _now || _random.NextDouble() < 0.7;
            var position = 0;
            if (start > _now.AddHours(-1) && planned)
            {
                var status = _random.NextDouble() < 0.4 ? VisitStatus.Confirmed : VisitStatus.Planned;
                visits.Insert(id, _customerIds[customer], owner, visitor, (onSite ? VisitForm.OnSite : VisitForm.Phone).ToString(), category.ToString(), purpose,
                    "Review the quarter's orders", Ts(start), Ts(end), status.ToString(), null, null, null, null, null, ReviewStatus.NotSubmitted.ToString(), 0,
                    null, null, status == VisitStatus.Confirmed ? 2 : 1, Ts(start.AddDays(-3)), Ts(start.AddDays(-2)), visitor, visitor);
                events.Insert(_ids.Next(), id, VisitEventKind.Planned.ToString(), visitor, Ts(start.AddDays(-3)), null, position++);
                if (status == VisitStatus.Confirmed) events.Insert(_ids.Next(), id, VisitEventKind.Confirmed.ToString(), visitor, Ts(start.AddDays(-2)), null, position);
                continue;
            }
            var outcome = Weighted((VisitStatus.Completed, 88), (VisitStatus.CancelledByCustomer, 5), (VisitStatus.CancelledByUs, 3), (VisitStatus.NoShow, 4));
            if (!planned) outcome = VisitStatus.Completed;
            if (outcome != VisitStatus.Completed)
            {
                visits.Insert(id, _customerIds[customer], owner, visitor, (onSite ? VisitForm.OnSite : VisitForm.Phone).ToString(), category.ToString(), purpose,
                    null, Ts(start), Ts(end), outcome.ToString(), null, null, null, null, null, ReviewStatus.NotSubmitted.ToString(), 0, null, null, 2,
                    Ts(start.AddDays(-3)), Ts(start), visitor, visitor);
                events.Insert(_ids.Next(), id, VisitEventKind.Planned.ToString(), visitor, Ts(start.AddDays(-3)), null, position++);
                events.Insert(_ids.Next(), id, (outcome == VisitStatus.NoShow ? VisitEventKind.NoShow : VisitEventKind.Cancelled).ToString(), visitor, Ts(start), null, position);
                continue;
            }
            // Records older than two weeks have been reviewed; recent ones wait for the manager.
            var reviewed = start < _now.AddDays(-14) || _random.NextDouble() < 0.3;
            var review = reviewed ? (_random.NextDouble() < 0.03 ? ReviewStatus.Returned : ReviewStatus.Approved) : ReviewStatus.PendingReview;
            var reviewedAt = reviewed ? end.AddDays(_random.Next(1, 7)) : (DateTime?)null;
            if (reviewedAt > _now) reviewedAt = _now.AddMinutes(-5);
            visits.Insert(id, _customerIds[customer], owner, visitor, (onSite ? VisitForm.OnSite : VisitForm.Phone).ToString(), category.ToString(), purpose,
                null, planned ? Ts(start) : null, planned ? Ts(end) : null, VisitStatus.Completed.ToString(), Ts(start), Ts(end),
                "Discussed delivery schedule and next quarter's order; customer satisfied with service.", "Order expected", "Send the quotation",
                review.ToString(), 1, reviewed ? managerId : null, reviewedAt is { } ra ? Ts(ra) : null, reviewed ? 3 : 2,
                Ts(planned ? start.AddDays(-3) : end), Ts(reviewedAt ?? end), visitor, reviewed ? managerId : visitor);
            if (planned) events.Insert(_ids.Next(), id, VisitEventKind.Planned.ToString(), visitor, Ts(start.AddDays(-3)), null, position++);
            events.Insert(_ids.Next(), id, (planned ? VisitEventKind.Completed : VisitEventKind.Logged).ToString(), visitor, Ts(end), null, position++);
            if (reviewed)
                events.Insert(_ids.Next(), id, (review == ReviewStatus.Approved ? VisitEventKind.Approved : VisitEventKind.Returned).ToString(), managerId,
                    Ts(reviewedAt!.Value), review == ReviewStatus.Returned ? "Please add the customer's feedback" : null, position);
        }
    }

    /// <summary>The Purposes column as EF Core writes it (a JSON primitive collection), taken from the model itself.</summary>
    private static string[] PurposesColumn()
    {
        var dbOptions = new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteCrmDbContext(dbOptions);
        var property = db.Model.FindEntityType(typeof(Visit))!.FindProperty(nameof(Visit.Purposes))!;
        var converter = property.GetTypeMapping().Converter!;
        return [.. new[] { new List<VisitPurpose> { VisitPurpose.GrowSales }, [VisitPurpose.SolveProblem], [VisitPurpose.DeepenCooperation, VisitPurpose.RaiseSatisfaction], [VisitPurpose.GetAcquainted] }
            .Select(p => (string)converter.ConvertToProvider(p)!)];
    }

    // ---------------------------------------------------------------- complaints

    private void WriteComplaints(BulkWriter writer)
    {
        var complaints = writer.Table("Complaints", "Id", "Number", "CustomerId", "CustomerOwnerId", "Channel", "Category", "Severity", "Description", "ReceivedAt",
            "AssigneeId", "Status", "FirstResponseDueAt", "FirstRespondedAt", "FirstResponseMinutes", "ResolutionDueAt", "AtRiskFrom", "IsRecurring",
            "IsFactual", "ResolutionType", "RootCause", "CorrectiveAction", "Explanation", "ResolvedAt", "ResolutionMinutes", "ResolvedWithinCommitment",
            "Satisfaction", "ClosedAt", "ReopenCount", "Version", "CreatedAt", "UpdatedAt", "CreatedBy", "UpdatedBy");
        var events = writer.Table("ComplaintEvents", "Id", "ComplaintId", "Kind", "ActorId", "At", "FromStatus", "ToStatus", "Position");
        var sla = ComplaintSlaTarget.Defaults.ToDictionary(t => t.Severity);

        // Customers who bought complain, in proportion to how much they buy.
        var cumulative = Cumulative([.. _purchaseCount.Select(c => (double)c)]);
        var count = (int)(options.Customers * options.ComplaintShare);
        var plans = new (int Customer, DateTime Received)[count];
        for (var k = 0; k < count; k++)
        {
            var customer = Pick(cumulative);
            var from = Math.Max(_created[customer].Ticks, _now.AddYears(-3).Ticks);
            plans[k] = (customer, new DateTime(from + (long)(_random.NextDouble() * (_now.AddMinutes(-10).Ticks - from)), DateTimeKind.Utc));
        }
        Array.Sort(plans, (a, b) => a.Received.CompareTo(b.Received));
        foreach (var (customer, received) in plans)
        {
            var year = received.Year;
            _complaintNumbers[year] = _complaintNumbers.GetValueOrDefault(year) + 1;
            var id = _ids.Next();
            var severity = Weighted((ComplaintSeverity.Low, 35), (ComplaintSeverity.Medium, 40), (ComplaintSeverity.High, 20), (ComplaintSeverity.Critical, 5));
            var priority = _level[customer] <= 1;
            var target = sla[severity];
            var respond = TimeSpan.FromHours(priority ? target.PriorityRespondHours : target.RespondHours);
            var resolve = TimeSpan.FromHours(priority ? target.PriorityResolveHours : target.ResolveHours);
            var due = received + resolve;
            var atRisk = due - TimeSpan.FromTicks((long)(resolve.Ticks * Complaint.AtRiskShare));
            var age = _now - received;
            // Old complaints are finished; the desk's open queue holds the last weeks' (some of them late).
            var status = age > TimeSpan.FromDays(30)
                ? Weighted((ComplaintStatus.Closed, 85), (ComplaintStatus.Resolved, 15))
                : Weighted((ComplaintStatus.Open, 15), (ComplaintStatus.Acknowledged, 20), (ComplaintStatus.Investigating, 25), (ComplaintStatus.Resolved, 20), (ComplaintStatus.Closed, 20));
            var responded = status == ComplaintStatus.Open ? (DateTime?)null : received + respond * (0.2 + _random.NextDouble());
            if (responded > _now) responded = _now.AddMinutes(-1);
            DateTime? resolved = status is ComplaintStatus.Resolved or ComplaintStatus.Closed ? received + resolve * (0.3 + _random.NextDouble() * 0.9) : null;
            if (resolved > _now) resolved = _now.AddMinutes(-1);
            if (resolved < responded) resolved = responded;
            DateTime? closed = status == ComplaintStatus.Closed ? resolved!.Value.AddDays(_random.Next(1, 5)) : null;
            if (closed > _now) closed = _now;
            var factual = resolved is not null ? _random.NextDouble() < 0.7 : (bool?)null;
            var assignee = status == ComplaintStatus.Open ? null : _serviceUserId;
            var ownerId = _repIds[_owner[customer]];
            complaints.Insert(id, $"CMP-{year}-{_complaintNumbers[year]:00000}", _customerIds[customer], ownerId, ((ComplaintChannel)_random.Next(0, 6)).ToString(),
                ((ComplaintCategory)_random.Next(0, 8)).ToString(), severity.ToString(), "交货延迟，客户要求说明原因 Delivery was late; the customer wants an explanation.",
                Ts(received), assignee, status.ToString(), Ts(received + respond), responded is { } r ? Ts(r) : null,
                responded is { } r2 ? (int)Math.Round((r2 - received).TotalMinutes) : null, Ts(due), Ts(atRisk), 0,
                factual is null ? null : factual.Value ? 1 : 0, factual == true ? ((ResolutionType)_random.Next(0, 6)).ToString() : null,
                factual == true ? "Warehouse picked the wrong batch" : null, factual == true ? "Two-person check on dispatch" : null,
                factual == false ? "Delivery was within the agreed window" : null, resolved is { } rs ? Ts(rs) : null,
                resolved is { } rs2 ? (int)Math.Round((rs2 - received).TotalMinutes) : null, resolved is { } rs3 ? (rs3 <= due ? 1 : 0) : null,
                closed is null ? null : _random.Next(2, 6), closed is { } cl ? Ts(cl) : null, 0, 1 + (int)status, Ts(received),
                Ts(closed ?? resolved ?? responded ?? received), ownerId, assignee ?? ownerId);
            var position = 0;
            events.Insert(_ids.Next(), id, ComplaintEventKind.Logged.ToString(), ownerId, Ts(received), null, null, position++);
            var previous = ComplaintStatus.Open;
            foreach (var (next, at) in new[] { (ComplaintStatus.Acknowledged, responded), (ComplaintStatus.Investigating, responded?.AddHours(1)), (ComplaintStatus.Resolved, resolved), (ComplaintStatus.Closed, closed) })
            {
                if (next > status || at is null) break;
                var kind = next switch { ComplaintStatus.Resolved => ComplaintEventKind.Resolved, ComplaintStatus.Closed => ComplaintEventKind.Closed, _ => ComplaintEventKind.StatusChanged };
                events.Insert(_ids.Next(), id, kind.ToString(), _serviceUserId, Ts(at.Value < received ? received : at.Value), previous.ToString(), next.ToString(), position++);
                previous = next;
            }
        }
    }

    private readonly Dictionary<int, int> _complaintNumbers = [];

    private void WriteSequences(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO \"Sequences\" (\"Name\", \"Next\") VALUES ($name, $next)";
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var next = command.Parameters.Add("$next", SqliteType.Integer);
        foreach (var (sequence, value) in _complaintNumbers.Select(p => ($"complaint-{p.Key}", (long)p.Value)).Append(("customer", options.Customers)))
        {
            name.Value = sequence;
            next.Value = value;
            command.ExecuteNonQuery();
        }
    }

    // ---------------------------------------------------------------- helpers

    private string PersonName()
    {
        if (_random.NextDouble() < 0.15)
            return $"{Vocabulary.EnglishFirst[_random.Next(Vocabulary.EnglishFirst.Length)]} {Vocabulary.EnglishLast[_random.Next(Vocabulary.EnglishLast.Length)]}";
        // Squaring a uniform number skews the pick towards the common surnames at the front of the list.
        var surname = Vocabulary.Surnames[(int)(Math.Pow(_random.NextDouble(), 2) * Vocabulary.Surnames.Length)];
        var given = Vocabulary.GivenNames[_random.Next(Vocabulary.GivenNames.Length)];
        return _random.NextDouble() < 0.6 ? surname + given + Vocabulary.GivenNames[_random.Next(Vocabulary.GivenNames.Length)] : surname + given;
    }

    private string CompanyName()
    {
        if (_random.NextDouble() < 0.2)
            return $"{Vocabulary.EnglishWords[_random.Next(Vocabulary.EnglishWords.Length)]} {Vocabulary.EnglishTrades[_random.Next(Vocabulary.EnglishTrades.Length)]}{Vocabulary.EnglishSuffixes[_random.Next(Vocabulary.EnglishSuffixes.Length)]}";
        return Vocabulary.Cities[_random.Next(Vocabulary.Cities.Length)] + Vocabulary.Cores[_random.Next(Vocabulary.Cores.Length)]
            + Vocabulary.Trades[_random.Next(Vocabulary.Trades.Length)] + Vocabulary.ChineseSuffixes[_random.Next(Vocabulary.ChineseSuffixes.Length)];
    }

    private T Weighted<T>(params (T Value, int Weight)[] options)
    {
        var roll = _random.Next(options.Sum(o => o.Weight));
        foreach (var (value, weight) in options)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return options[^1].Value;
    }

    private static double[] Cumulative(double[] weights)
    {
        var cumulative = new double[weights.Length];
        double sum = 0;
        for (var i = 0; i < weights.Length; i++) cumulative[i] = sum += weights[i];
        return cumulative;
    }

    /// <summary>The first index whose cumulative weight exceeds a uniform draw: zero-weight entries are never picked.</summary>
    private int Pick(double[] cumulative)
    {
        var draw = _random.NextDouble() * cumulative[^1];
        int low = 0, high = cumulative.Length - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (cumulative[middle] > draw) high = middle;
            else low = middle + 1;
        }
        return low;
    }

    /// <summary>EF Core's SQLite text format for DateTime (UTC, up to 7 fractional digits, trailing zeros dropped).</summary>
    internal static string Ts(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", Inv);

    internal static string D(DateOnly value) => value.ToString("yyyy-MM-dd", Inv);

    private sealed record ReferralPlan(string Id, int Referrer, int Referred, ReferralStatus Status, DateOnly ReferredOn, DateTime? WonAt, bool Thanked);

    private readonly record struct LedgerLine(DateTime At, PointsKind Kind, PointsSource Source, long Amount, string? Reason, string? PurchaseId, string? ReferralId);
}

internal sealed record GenerateOptions(string DatabasePath, int Customers, bool Analyze)
{
    public double PurchasesPerCustomer { get; init; } = 5;
    public double VisitsPerCustomer { get; init; } = 1;
    public double ComplaintShare { get; init; } = 0.1;
    public double ReferralShare { get; init; } = 0.05;
}

/// <summary>
/// Guid v7 text ids in insertion order: a millisecond counter in the timestamp bits, random bits after it, uppercase
/// like EF Core writes them. In-order keys append to the primary-key index instead of splitting pages at random.
/// </summary>
internal sealed class IdMaker(DateTime start)
{
    private long _milliseconds = new DateTimeOffset(start).ToUnixTimeMilliseconds();
    private readonly Random _random = new(7);

    public string Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        var ms = ++_milliseconds;
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(ms >> (40 - 8 * i));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true).ToString("D").ToUpperInvariant();
    }
}
