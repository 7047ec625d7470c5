using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Visits;

public enum ComplianceStatus { Met, AtRisk, Missed }

public sealed record ComplianceRowDto
{
    public Guid CustomerId { get; init; }
    public string CustomerName { get; init; } = "";
    public string CustomerCode { get; init; } = "";
    public CustomerLevel Level { get; init; }
    public Guid OwnerId { get; init; }
    public string OwnerName { get; init; } = "";
    public int RequiredOnSite { get; init; }
    public int RequiredTotal { get; init; }
    public int DoneOnSite { get; init; }
    public int DoneTotal { get; init; }
    /// <summary>Visits still needed this week: the larger of the on-site and the total shortfall.</summary>
    public int Shortfall { get; init; }
    public int OnSiteShortfall { get; init; }
    public ComplianceStatus Status { get; init; }
    public DateTime? LastVisitAt { get; init; }
}

/// <summary>The week's figures for the whole scope asked for (week, owner, team), never for one page or the status filter.</summary>
public sealed record ComplianceSummaryDto(int Customers, int Met, int AtRisk, int Missed, double CompliancePercent);

/// <summary>
/// One page of the week's report with the whole scope's <see cref="ComplianceSummaryDto"/>, so that a client shows the
/// team's figure from the first page. <c>nextCursor</c> is absent on the last page.
/// </summary>
public sealed record VisitComplianceDto(string Week, DateTime FromUtc, DateTime ToUtc, ComplianceSummaryDto Summary, IReadOnlyList<ComplianceRowDto> Items, string? NextCursor);

/// <summary>
/// Key-account visit compliance for an ISO week (default: this week, in the organisation's time zone): every
/// customer whose level has a minimum in the visit policy, what was required, what was done (completed visits
/// approved or waiting for review; cancelled and no-show never count), the shortfall and a status. Met when
/// both minimums are reached; otherwise at risk while the week runs and missed once it is over.
/// A manager works the list from the accounts furthest behind: largest shortfall first, then name, then id, keyset-paged
/// (limit, cursor) like every list; status narrows the rows, not the summary.
/// </summary>
public sealed record VisitComplianceQuery : IRequest<VisitComplianceDto>
{
    public string? Week { get; init; }
    public Guid? OwnerId { get; init; }
    public Guid? TeamId { get; init; }
    public ComplianceStatus? Status { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

public sealed class VisitComplianceValidator : AbstractValidator<VisitComplianceQuery>
{
    public VisitComplianceValidator()
    {
        RuleFor(x => x.Week).MaximumLength(8).Must(w => w is null || OrganisationCalendar.TryParseWeek(w, out _)).WithMessage("week is an ISO week such as 2026-W47.");
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).MaximumLength(Paging.MaxCursorLength);
    }
}

public sealed class VisitComplianceHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<VisitComplianceQuery, VisitComplianceDto>
{
    public async Task<VisitComplianceDto> Handle(VisitComplianceQuery request, CancellationToken cancellationToken)
    {
        var week = request.Week is null ? calendar.CurrentWeek : ParseWeek(request.Week);
        var (summary, page) = await VisitComplianceReader.PageAsync(db, calendar, week, request.OwnerId, request.TeamId, request.Status, request.Cursor,
            Paging.Limit(request.Limit), cancellationToken);
        var (from, to) = calendar.UtcRange(week);
        return new VisitComplianceDto(week.ToString(), from, to, summary, page.Items, page.NextCursor);
    }

    private static IsoWeek ParseWeek(string text) => OrganisationCalendar.TryParseWeek(text, out var week)
        ? week
        : throw new ValidationException([new ValidationFailure("week", "week is an ISO week such as 2026-W47.")]);
}

internal static class VisitComplianceReader
{
    /// <summary>
    /// Every key account of the scope as report rows, by name (the rep's own week, the statistics).
    /// Three reads however large the scope: the key accounts from (OwnerId, Level) with their last visit kept on write
    /// (CustomerStats.LastVisitAt), the week's counting visits grouped by customer from one range of the
    /// (ActualStart, ...) index, and, for a past week only, the last visit before its end for the customers visited since.
    /// </summary>
    public static async Task<List<ComplianceRowDto>> ReadAsync(CrmDbContext db, OrganisationCalendar calendar, IsoWeek week, Guid? ownerId, Guid? teamId, CancellationToken ct)
    {
        var policies = await PoliciesAsync(db, ct);
        var (from, to) = calendar.UtcRange(week);
        var customers = KeyAccounts(db, policies, await OwnersAsync(db, ownerId, teamId, ct));

        var accounts = await customers
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new Account(c.Id, c.Name, c.Code, c.Level, c.OwnerId, c.Owner!.DisplayName,
                db.CustomerStats.Where(s => s.CustomerId == c.Id).Select(s => s.LastVisitAt).FirstOrDefault()))
            .ToListAsync(ct);
        var thisWeek = await WeekCounts(CountingVisits(db).Where(v => v.ActualStart >= from && v.ActualStart < to && customers.Any(c => c.Id == v.CustomerId)))
            .ToDictionaryAsync(x => x.CustomerId, ct);
        var lastBefore = await LastVisitsBeforeAsync(db, accounts, to, ct);
        var weekOver = WeekOver(calendar, week);
        return accounts.Select(a => Row(policies[a.Level], weekOver, a, thisWeek.GetValueOrDefault(a.Id)?.OnSite ?? 0, thisWeek.GetValueOrDefault(a.Id)?.Total ?? 0, to, lastBefore))
            .ToList();
    }

    /// <summary>
    /// One customer's status for the week (its loyalty page), or null when it is not a key account: archived, or its
    /// level has no minimum. The caller has read the customer already, so only the policies and the customer's counting
    /// visits of the week are read; a report row would also read its name, code, owner and last visit.
    /// </summary>
    public static async Task<ComplianceStatus?> StatusAsync(CrmDbContext db, OrganisationCalendar calendar, IsoWeek week, Guid customerId, CustomerLevel level, bool archived,
        CancellationToken ct)
    {
        if (archived) return null;
        var policies = await PoliciesAsync(db, ct);
        if (!policies.TryGetValue(level, out var policy) || !policy.HasMinimum) return null;
        var (from, to) = calendar.UtcRange(week);
        var done = await WeekCounts(CountingVisits(db).Where(v => v.CustomerId == customerId && v.ActualStart >= from && v.ActualStart < to))
            .FirstOrDefaultAsync(ct);
        return StatusOf(Shortfalls(policy, done?.OnSite ?? 0, done?.Total ?? 0).Shortfall, WeekOver(calendar, week));
    }

    /// <summary>
    /// The report for one page: the whole scope's totals and the page's rows, least compliant first. Nothing is read
    /// per key account in .NET: the week's counting visits grouped by customer (one range of the
    /// (CustomerOwnerId, ActualStart, ...) index per owner) give the visited key accounts their shortfall; every other
    /// key account is short of its level's whole minimum. So the order is a few bands of equal shortfall, and each
    /// band is one query of the (OwnerId, Level, ArchivedAt, Name, Id) index in name order that stops at the page's
    /// end: the database keeps only the page's rows, not the team's ~9,600 key accounts at 1M. Codes, owner names and
    /// last visits are read for the page's rows alone.
    /// </summary>
    public static async Task<(ComplianceSummaryDto Summary, Page<ComplianceRowDto> Page)> PageAsync(CrmDbContext db, OrganisationCalendar calendar, IsoWeek week,
        Guid? ownerId, Guid? teamId, ComplianceStatus? status, string? cursor, int limit, CancellationToken ct)
    {
        var policies = await PoliciesAsync(db, ct);
        var (from, to) = calendar.UtcRange(week);
        var weekOver = WeekOver(calendar, week);
        var owners = await OwnersAsync(db, ownerId, teamId, ct);
        var keyAccounts = KeyAccounts(db, policies, owners);

        var (counts, visited) = await WeekAsync(db, policies, keyAccounts, from, to, owners, ct);
        var visitedIds = visited.Keys.ToList();

        var summary = Summary(await KeyAccountCountAsync(db, policies, owners, ct), visited, weekOver);

        ComplianceCursor? after = null;
        var afterId = Guid.Empty;
        if (cursor is not null)
        {
            (after, afterId) = Cursor.Decode<ComplianceCursor>(cursor);
            if (after?.Name is null) throw new ValidationException([new ValidationFailure("cursor", "The cursor is not valid for this list and sort; start again without it.")]);
        }
        var wholeMinimum = policies.Values.Where(p => p.HasMinimum).ToDictionary(p => p.Level, p => Shortfalls(p, 0, 0).Shortfall);
        var bands = wholeMinimum.Values.Concat(visited.Values).Distinct()
            .Where(shortfall => status switch
            {
                null => true,
                ComplianceStatus.Met => shortfall == 0,
                ComplianceStatus.AtRisk => !weekOver && shortfall > 0,
                ComplianceStatus.Missed => weekOver && shortfall > 0,
                _ => false,
            })
            .Where(shortfall => after is null || shortfall <= after.Shortfall)
            .OrderDescending();

        var pageKeys = new List<ComplianceKey>();
        foreach (var shortfall in bands)
        {
            var levels = wholeMinimum.Where(l => l.Value == shortfall).Select(l => l.Key).ToList();
            var ids = visited.Where(v => v.Value == shortfall).Select(v => v.Key).ToList();
            var band = keyAccounts.Where(c => (levels.Contains(c.Level) && !EF.Parameter(visitedIds).Contains(c.Id)) || EF.Parameter(ids).Contains(c.Id));
            if (after is not null && shortfall == after.Shortfall) band = AfterName(db, band, after.Name, afterId);
            var rows = await InNameOrder(db, band).Select(c => new { c.Id, c.Name, c.Level }).Take(limit + 1 - pageKeys.Count).ToListAsync(ct);
            pageKeys.AddRange(rows.Select(r => new ComplianceKey(r.Id, r.Name, r.Level, counts.GetValueOrDefault(r.Id)?.OnSite ?? 0, counts.GetValueOrDefault(r.Id)?.Total ?? 0, shortfall)));
            if (pageKeys.Count > limit) break;
        }
        string? next = null;
        if (pageKeys.Count > limit)
        {
            pageKeys.RemoveAt(limit);
            next = Cursor.Encode(new ComplianceCursor(pageKeys[^1].Shortfall, pageKeys[^1].Name), pageKeys[^1].Id);
        }

        var pageIds = pageKeys.Select(k => k.Id).ToList();
        var details = await db.Customers.AsNoTracking().Where(c => pageIds.Contains(c.Id))
            .Select(c => new Account(c.Id, c.Name, c.Code, c.Level, c.OwnerId, c.Owner!.DisplayName,
                db.CustomerStats.Where(s => s.CustomerId == c.Id).Select(s => s.LastVisitAt).FirstOrDefault()))
            .ToDictionaryAsync(a => a.Id, ct);
        var lastBefore = await LastVisitsBeforeAsync(db, details.Values, to, ct);
        // A customer merged away or moved out of the caller's scope between the reads is left out rather than failing the page.
        var items = pageKeys.Where(k => details.ContainsKey(k.Id))
            .Select(k => Row(policies[k.Level], weekOver, details[k.Id], k.OnSite, k.Total, to, lastBefore)).ToList();
        return (summary, new Page<ComplianceRowDto>(items, next));
    }

    /// <summary>
    /// Names in ordinal order on every database: SQLite compares text bytewise already; SQL Server's column collation
    /// would ignore case and sort Chinese by its own rules, so the band is ordered in a binary collation there.
    /// Accounts of the same name follow in the database's order of their ids, which the cursor's comparison shares.
    /// </summary>
    private static IQueryable<Customer> InNameOrder(CrmDbContext db, IQueryable<Customer> band) => db.Database.IsSqlServer()
        ? band.OrderBy(c => EF.Functions.Collate(c.Name, OrdinalCollation)).ThenBy(c => c.Id)
        : band.OrderBy(c => c.Name).ThenBy(c => c.Id);

    private static IQueryable<Customer> AfterName(CrmDbContext db, IQueryable<Customer> band, string name, Guid id) => db.Database.IsSqlServer()
        ? band.Where(c => string.Compare(EF.Functions.Collate(c.Name, OrdinalCollation), name) > 0
            || (EF.Functions.Collate(c.Name, OrdinalCollation) == name && c.Id.CompareTo(id) > 0))
        : band.Where(c => string.Compare(c.Name, name) > 0 || (c.Name == name && c.Id.CompareTo(id) > 0));

    private const string OrdinalCollation = "Latin1_General_100_BIN2";

    /// <summary>
    /// The dashboard's summary of the caller's whole scope, the same figures as the report's totals: the key accounts
    /// from the portfolio counts and the week's visited ones. Neither names nor owners nor
    /// last visits are read.
    /// </summary>
    public static async Task<ComplianceSummaryDto> SummaryAsync(CrmDbContext db, OrganisationCalendar calendar, IsoWeek week, CancellationToken ct)
    {
        var policies = await PoliciesAsync(db, ct);
        var (from, to) = calendar.UtcRange(week);
        var keyAccounts = KeyAccounts(db, policies, null);
        var (_, visited) = await WeekAsync(db, policies, keyAccounts, from, to, null, ct);
        return Summary(await KeyAccountCountAsync(db, policies, null, ct), visited, WeekOver(calendar, week));
    }

    private sealed record WeekCount(Guid CustomerId, int OnSite, int Total);

    /// <summary>Each customer's counting visits among <paramref name="weeksVisits"/>: on site, and of every form.</summary>
    private static IQueryable<WeekCount> WeekCounts(IQueryable<Visit> weeksVisits) =>
        weeksVisits.GroupBy(v => v.CustomerId).Select(g => new WeekCount(g.Key, g.Count(v => v.Form == VisitForm.OnSite), g.Count()));

    /// <summary>
    /// The week's counting visits by customer, and the shortfall of each key account among them. The visits are one
    /// range of the (CustomerOwnerId, ActualStart, ...) index per owner; the visited key accounts' levels come from the
    /// key accounts' covering index, probed for the visited ids, rather than from a customer row per visit.
    /// </summary>
    private static async Task<(Dictionary<Guid, WeekCount> Counts, Dictionary<Guid, int> Shortfalls)> WeekAsync(CrmDbContext db,
        Dictionary<CustomerLevel, VisitPolicy> policies, IQueryable<Customer> keyAccounts, DateTime from, DateTime to, List<Guid>? owners, CancellationToken ct)
    {
        var weeksVisits = CountingVisits(db).Where(v => v.ActualStart >= from && v.ActualStart < to);
        if (owners is not null) weeksVisits = weeksVisits.Where(v => owners.Contains(v.CustomerOwnerId));
        var counts = await WeekCounts(weeksVisits).ToDictionaryAsync(x => x.CustomerId, ct);
        var countedIds = counts.Keys.ToList();
        var visited = counts.Count == 0 ? [] : await keyAccounts.Where(c => EF.Parameter(countedIds).Contains(c.Id)).Select(c => new { c.Id, c.Level })
            .ToDictionaryAsync(a => a.Id, a => Shortfalls(policies[a.Level], counts[a.Id].OnSite, counts[a.Id].Total).Shortfall, ct);
        return (counts, visited);
    }

    /// <summary>Every level counted has a minimum, so an account without a visit this week is never met.</summary>
    private static ComplianceSummaryDto Summary(int accounts, Dictionary<Guid, int> visited, bool weekOver)
    {
        var met = visited.Values.Count(s => s == 0);
        var notMet = accounts - met;
        return new ComplianceSummaryDto(accounts, met, weekOver ? 0 : notMet, weekOver ? notMet : 0, accounts == 0 ? 100 : Math.Round(100.0 * met / accounts, 1));
    }

    private static Task<Dictionary<CustomerLevel, VisitPolicy>> PoliciesAsync(CrmDbContext db, CancellationToken ct) =>
        db.VisitPolicies.AsNoTracking().ToDictionaryAsync(p => p.Level, ct);

    /// <summary>
    /// The owners the report is narrowed to (one owner, a team's members, or that owner if in that team), or null for the
    /// caller's whole scope: resolved once, so the key accounts, the week's visits and the counts are narrowed alike.
    /// </summary>
    private static async Task<List<Guid>?> OwnersAsync(CrmDbContext db, Guid? ownerId, Guid? teamId, CancellationToken ct)
    {
        if (teamId is not { } team) return ownerId is { } owner ? [owner] : null;
        var members = await db.Users.AsNoTracking().Where(u => u.TeamId == team).Select(u => u.Id).ToListAsync(ct);
        return ownerId is { } one ? members.Where(m => m == one).ToList() : members;
    }

    private static List<CustomerLevel> LevelsWithMinimum(Dictionary<CustomerLevel, VisitPolicy> policies) =>
        policies.Values.Where(p => p.HasMinimum).Select(p => p.Level).ToList();

    /// <summary>The scope's key accounts: customers not archived whose level has a minimum; the caller's scope comes from the query filter.</summary>
    private static IQueryable<Customer> KeyAccounts(CrmDbContext db, Dictionary<CustomerLevel, VisitPolicy> policies, List<Guid>? owners)
    {
        var levels = LevelsWithMinimum(policies);
        var customers = db.Customers.AsNoTracking().Where(c => c.ArchivedAt == null && levels.Contains(c.Level));
        if (owners is not null) customers = customers.Where(c => owners.Contains(c.OwnerId));
        return customers;
    }

    /// <summary>
    /// How many key accounts the scope has, from the portfolio counts kept on write (a few per owner, level and
    /// lifecycle) rather than an index entry per key account: an archived customer's lifecycle is Archived.
    /// </summary>
    private static Task<int> KeyAccountCountAsync(CrmDbContext db, Dictionary<CustomerLevel, VisitPolicy> policies, List<Guid>? owners, CancellationToken ct)
    {
        var levels = LevelsWithMinimum(policies);
        var counts = db.PortfolioCounts.AsNoTracking().Where(c => c.Lifecycle != Lifecycle.Archived && levels.Contains(c.Level));
        if (owners is not null) counts = counts.Where(c => owners.Contains(c.OwnerId));
        return counts.SumAsync(c => c.Customers, ct);
    }

    // Not IgnoreQueryFilters: in EF Core it would switch the filters off for the whole query, customers included.
    private static IQueryable<Visit> CountingVisits(CrmDbContext db) =>
        db.Visits.Where(v => v.Status == VisitStatus.Completed && (v.ReviewStatus == ReviewStatus.PendingReview || v.ReviewStatus == ReviewStatus.Approved));

    private static bool WeekOver(OrganisationCalendar calendar, IsoWeek week) => calendar.LocalNow >= week.Monday.AddDays(7).ToDateTime(TimeOnly.MinValue);

    /// <summary>The kept last visit is the latest ever; for a past week the row shows the latest before the week ended.</summary>
    private static async Task<Dictionary<Guid, DateTime?>> LastVisitsBeforeAsync(CrmDbContext db, IEnumerable<Account> accounts, DateTime weekEnd, CancellationToken ct)
    {
        var laterIds = accounts.Where(a => a.LastVisitAt >= weekEnd).Select(a => a.Id).ToList();
        return laterIds.Count == 0 ? [] : await CountingVisits(db).Where(v => laterIds.Contains(v.CustomerId) && v.ActualStart < weekEnd)
            .GroupBy(v => v.CustomerId).Select(g => new { g.Key, Last = g.Max(v => v.ActualStart) })
            .ToDictionaryAsync(x => x.Key, x => x.Last, ct);
    }

    private static ComplianceRowDto Row(VisitPolicy policy, bool weekOver, Account a, int onSite, int total, DateTime weekEnd, Dictionary<Guid, DateTime?> lastBefore)
    {
        var (shortfall, onSiteShort) = Shortfalls(policy, onSite, total);
        return new ComplianceRowDto
        {
            CustomerId = a.Id, CustomerName = a.Name, CustomerCode = a.Code, Level = a.Level, OwnerId = a.OwnerId, OwnerName = a.OwnerName,
            RequiredOnSite = policy.MinOnSitePerWeek, RequiredTotal = policy.MinTotalPerWeek, DoneOnSite = onSite, DoneTotal = total,
            Shortfall = shortfall, OnSiteShortfall = onSiteShort,
            Status = StatusOf(shortfall, weekOver),
            LastVisitAt = a.LastVisitAt < weekEnd ? a.LastVisitAt : lastBefore.TryGetValue(a.Id, out var before) ? before : null,
        };
    }

    /// <summary>Met when nothing is short; otherwise at risk while the week runs and missed once it is over.</summary>
    private static ComplianceStatus StatusOf(int shortfall, bool weekOver) =>
        shortfall == 0 ? ComplianceStatus.Met : weekOver ? ComplianceStatus.Missed : ComplianceStatus.AtRisk;

    /// <summary>Visits still needed this week: the larger of the on-site and the total shortfall, and the on-site one.</summary>
    private static (int Shortfall, int OnSite) Shortfalls(VisitPolicy policy, int onSite, int total)
    {
        var onSiteShort = Math.Max(0, policy.MinOnSitePerWeek - onSite);
        return (Math.Max(onSiteShort, Math.Max(0, policy.MinTotalPerWeek - total)), onSiteShort);
    }

    private sealed record Account(Guid Id, string Name, string Code, CustomerLevel Level, Guid OwnerId, string OwnerName, DateTime? LastVisitAt);

    /// <summary>
    /// An account's place in the report: furthest behind first (largest shortfall), then by name in ordinal order, then
    /// by id so that equal names still page deterministically (<see cref="InNameOrder"/>).
    /// </summary>
    private sealed record ComplianceKey(Guid Id, string Name, CustomerLevel Level, int OnSite, int Total, int Shortfall);

    internal sealed record ComplianceCursor(int Shortfall, string Name);
}

public sealed record PlannedVisitDto(Guid VisitId, DateTime PlannedStart, VisitForm Form, VisitStatus Status);

public sealed record DueVisitDto(ComplianceRowDto Compliance, IReadOnlyList<PlannedVisitDto> Planned, bool CoveredByPlan);

/// <summary>"My week": the caller's key accounts that still need visits this week, and the planned visits that would cover them.</summary>
public sealed record DueVisitsQuery : IRequest<Page<DueVisitDto>>;

public sealed class DueVisitsHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<DueVisitsQuery, Page<DueVisitDto>>
{
    public async Task<Page<DueVisitDto>> Handle(DueVisitsQuery request, CancellationToken cancellationToken)
    {
        var me = db.Caller.UserId ?? throw new ForbiddenException("My week is for people who visit customers.");
        var week = calendar.CurrentWeek;
        var due = (await VisitComplianceReader.ReadAsync(db, calendar, week, me, null, cancellationToken)).Where(r => r.Shortfall > 0).ToList();
        var ids = due.Select(r => r.CustomerId).ToList();
        var (from, to) = calendar.UtcRange(week);
        var planned = await db.Visits.AsNoTracking()
            .Where(v => ids.Contains(v.CustomerId) && (v.Status == VisitStatus.Planned || v.Status == VisitStatus.Confirmed) && v.PlannedStart >= from && v.PlannedStart < to)
            .OrderBy(v => v.PlannedStart)
            .Select(v => new { v.CustomerId, Dto = new PlannedVisitDto(v.Id, v.PlannedStart!.Value, v.Form, v.Status) })
            .ToListAsync(cancellationToken);
        return new Page<DueVisitDto>(due.Select(r =>
        {
            var mine = planned.Where(p => p.CustomerId == r.CustomerId).Select(p => p.Dto).ToList();
            var covered = mine.Count >= r.Shortfall && mine.Count(p => p.Form == VisitForm.OnSite) >= r.OnSiteShortfall;
            return new DueVisitDto(r, mine, covered);
        }).ToList(), null);
    }
}
