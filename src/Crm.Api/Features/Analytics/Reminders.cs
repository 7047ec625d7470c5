using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Visits;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Analytics;

public enum ReminderKind { Birthday, ImportantDate, Festival, NotContacted, ComplaintDue, ThanksDue, VisitDue, TaskDue }

/// <summary>One thing to remember, linked to its record (<c>link</c> is the API path of the record).</summary>
public sealed record ReminderDto(ReminderKind Kind, DateOnly Date, string Title, Guid? CustomerId, string? CustomerName, Guid? RecordId, string? Link);

/// <summary>
/// 客户关系维护 reminders for the caller's scope in a date range (default: today and the next 7 days): birthdays of
/// contacts and person customers, important dates, festivals (lunar ones too), customers not contacted for too long
/// by level (Special 14, A 30, B 60, C 90 days without a visit or purchase), complaints near or past their committed
/// time, referrers still to be thanked, and key accounts still needing a visit this week. Ordered by date, kind, title.
/// <para><c>First</c> (the dashboard's, not the API's): only the first N of a one-day list are wanted. Every reminder of
/// a one-day list has that date, so the list is ordered by kind: the kinds are read in that order and reading stops after
/// the kind that brings the count to N. What comes back still starts with exactly the N the whole list would start with.</para>
/// </summary>
public sealed record RemindersQuery(DateOnly? From, DateOnly? To, int? First = null) : IRequest<Page<ReminderDto>>;

public sealed class RemindersValidator : AbstractValidator<RemindersQuery>
{
    public RemindersValidator()
    {
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null).WithMessage("to must not be before from.");
        RuleFor(x => x).Must(x => x.From is null || x.To is null || x.To.Value.DayNumber - x.From.Value.DayNumber <= 92)
            .WithMessage("Reminders cover at most three months at a time.").OverridePropertyName("to");
    }
}

public sealed class RemindersHandler(CrmDbContext db, OrganisationCalendar calendar, TimeProvider clock) : IRequestHandler<RemindersQuery, Page<ReminderDto>>
{
    public static readonly IReadOnlyDictionary<CustomerLevel, int> NotContactedDays = new Dictionary<CustomerLevel, int>
    {
        [CustomerLevel.Special] = 14, [CustomerLevel.A] = 30, [CustomerLevel.B] = 60, [CustomerLevel.C] = 90,
    };

    private const int MaxPerKind = 200;

    public async Task<Page<ReminderDto>> Handle(RemindersQuery request, CancellationToken ct)
    {
        var today = calendar.Today;
        var from = request.From ?? today;
        var to = request.To ?? today.AddDays(7);
        var enough = request.First is { } first && from == to ? first : int.MaxValue;
        var reminders = new List<ReminderDto>();

        // Month-and-day keys of every day in the range (MonthDayKey), so birthdays and important dates match whatever the year.
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        var keys = days.Select(MonthDayKey.Of).ToList();
        var includesToday = from <= today && today <= to;
        // In ReminderKind's order, which is the list's order within a day.
        var kinds = new Func<Task>[]
        {
            () => AddBirthdaysAsync(reminders, days, keys, ct),
            () => AddImportantDatesAsync(reminders, days, keys, ct),
            () =>
            {
                reminders.AddRange(ChineseFestivals.Between(from, to).Select(f => new ReminderDto(ReminderKind.Festival, f.Date, $"{f.NameZh} {f.NameEn}", null, null, null, null)));
                return Task.CompletedTask;
            },
            () => includesToday ? AddNotContactedAsync(reminders, today, enough, ct) : Task.CompletedTask,
            () => includesToday ? AddComplaintsDueAsync(reminders, today, ct) : Task.CompletedTask,
            () => includesToday ? AddThanksDueAsync(reminders, today, ct) : Task.CompletedTask,
            () => includesToday ? AddVisitsDueAsync(reminders, today, ct) : Task.CompletedTask,
            () => AddTasksDueAsync(reminders, from, to, today, ct),
        };
        foreach (var kind in kinds)
        {
            if (reminders.Count >= enough) break;
            await kind();
        }
        var ordered = reminders.OrderBy(r => r.Date).ThenBy(r => r.Kind).ThenBy(r => r.Title, StringComparer.Ordinal).ToList();
        return new Page<ReminderDto>(ordered, null);
    }

    private static DateOnly On(List<DateOnly> days, int month, int day) => days.FirstOrDefault(d => d.Month == month && d.Day == day);

    private async Task AddBirthdaysAsync(List<ReminderDto> reminders, List<DateOnly> days, List<int> keys, CancellationToken ct)
    {
        // The scope filter tests the contact's copy of its owner, so the day's contacts are read per owner from
        // (BirthdayMonthDay, CustomerOwnerId): a rep's few instead of every contact born that day (2,383 at 1M).
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.BirthdayMonthDay != null && c.Customer!.ArchivedAt == null
                && keys.Contains(c.BirthdayMonthDay!.Value))
            .Select(c => new { c.Id, c.Name, c.CustomerId, CustomerName = c.Customer!.Name, c.Birthday }).Take(MaxPerKind).ToListAsync(ct);
        reminders.AddRange(contacts.Select(c => new ReminderDto(ReminderKind.Birthday, On(days, c.Birthday!.Value.Month, c.Birthday.Value.Day),
            $"生日 Birthday: {c.Name}", c.CustomerId, c.CustomerName, c.Id, $"/api/v1/customers/{c.CustomerId}/contacts/{c.Id}")));

        var people = await db.Customers.AsNoTracking().Where(c => c.ArchivedAt == null && c.BirthdayMonthDay != null
                && keys.Contains(c.BirthdayMonthDay!.Value))
            .Select(c => new { c.Id, c.Name, c.Profile.Birthday }).Take(MaxPerKind).ToListAsync(ct);
        reminders.AddRange(people.Select(c => new ReminderDto(ReminderKind.Birthday, On(days, c.Birthday!.Value.Month, c.Birthday.Value.Day),
            $"生日 Birthday: {c.Name}", c.Id, c.Name, c.Id, $"/api/v1/customers/{c.Id}")));
    }

    private async Task AddImportantDatesAsync(List<ReminderDto> reminders, List<DateOnly> days, List<int> keys, CancellationToken ct)
    {
        var dated = await db.Customers.AsNoTracking().Where(c => c.ArchivedAt == null)
            .SelectMany(c => c.ImportantDates.Where(d => keys.Contains(d.MonthDay)), (c, d) => new { c.Id, c.Name, d.Label, d.Date })
            .Take(MaxPerKind).ToListAsync(ct);
        reminders.AddRange(dated.Select(d =>
            new ReminderDto(ReminderKind.ImportantDate, On(days, d.Date.Month, d.Date.Day), $"{d.Label}: {d.Name}", d.Id, d.Name, d.Id, $"/api/v1/customers/{d.Id}")));
    }

    /// <summary>My tasks due in the range, and those already overdue when the range includes today.</summary>
    private async Task AddTasksDueAsync(List<ReminderDto> reminders, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        if (db.Caller.UserId is not { } me) return;
        var open = new[] { TaskItemStatus.ToDo, TaskItemStatus.InProgress };
        var overdueToo = from <= today && today <= to;
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.AssigneeId == me && open.Contains(t.Status) && ((t.DueDate >= from && t.DueDate <= to) || (overdueToo && t.DueDate < today)))
            .OrderBy(t => t.DueDate).Take(MaxPerKind)
            .Select(t => new { t.Id, t.Title, t.DueDate, t.CustomerId, CustomerName = t.Customer != null ? t.Customer.Name : null }).ToListAsync(ct);
        reminders.AddRange(tasks.Select(t => new ReminderDto(ReminderKind.TaskDue, t.DueDate < from ? today : t.DueDate,
            (t.DueDate < today ? "已逾期 Overdue: " : "任务 Task: ") + t.Title, t.CustomerId, t.CustomerName, t.Id, $"/api/v1/tasks/{t.Id}")));
    }

    /// <summary>
    /// Quiet customers by level, most urgent level first and by name within it, which is their titles' order: a list
    /// that stops at <paramref name="enough"/> reads only as many as it still lacks. Each one read costs its customer's
    /// row and two lookups (purchases, visits): a rep's dashboard read 800 of them for the 20 it shows.
    /// </summary>
    private async Task AddNotContactedAsync(List<ReminderDto> reminders, DateOnly today, int enough, CancellationToken ct)
    {
        foreach (var (level, limit) in NotContactedDays)
        {
            var wanted = Math.Min(MaxPerKind, enough - reminders.Count);
            if (wanted <= 0) return;
            var since = today.AddDays(-limit);
            var sinceUtc = calendar.StartOfDayUtc(since);
            var quiet = await db.Customers.AsNoTracking()
                .Where(c => c.ArchivedAt == null && c.Level == level && c.Lifecycle != Lifecycle.Prospect
                    && !db.Purchases.Any(p => p.CustomerId == c.Id && p.PurchasedOn >= since)
                    && !db.Visits.Any(v => v.CustomerId == c.Id && v.Status == VisitStatus.Completed && v.ActualStart >= sinceUtc))
                .OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).Take(wanted).ToListAsync(ct);
            reminders.AddRange(quiet.Select(c => new ReminderDto(ReminderKind.NotContacted, today,
                $"{limit} 天未联系 Not contacted for {limit} days: {c.Name}", c.Id, c.Name, c.Id, $"/api/v1/customers/{c.Id}")));
        }
    }

    private async Task AddComplaintsDueAsync(List<ReminderDto> reminders, DateOnly today, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var unresolved = Complaint.UnresolvedStatuses;
        var complaints = await db.Complaints.AsNoTracking().Where(c => unresolved.Contains(c.Status) && c.AtRiskFrom <= now)
            .OrderBy(c => c.ResolutionDueAt).Select(c => new { c.Id, c.Number, c.CustomerId, CustomerName = c.Customer!.Name, c.ResolutionDueAt }).Take(MaxPerKind).ToListAsync(ct);
        reminders.AddRange(complaints.Select(c => new ReminderDto(ReminderKind.ComplaintDue, today,
            $"{(c.ResolutionDueAt <= now ? "已超时 Breached" : "即将超时 At risk")}: {c.Number}", c.CustomerId, c.CustomerName, c.Id, $"/api/v1/complaints/{c.Id}")));
    }

    private async Task AddThanksDueAsync(List<ReminderDto> reminders, DateOnly today, CancellationToken ct)
    {
        var policy = await db.LoyaltyPolicies.AsNoTracking().SingleAsync(ct);
        var wonBefore = clock.GetUtcNow().UtcDateTime.AddDays(-policy.ThanksDueDays);
        var thanks = await db.Referrals.AsNoTracking().Where(r => r.Status == ReferralStatus.Won && r.ThankedAt == null && r.WonAt <= wonBefore)
            .Select(r => new { r.Id, r.ReferrerId, ReferrerName = r.Referrer!.Name }).Take(MaxPerKind).ToListAsync(ct);
        reminders.AddRange(thanks.Select(r => new ReminderDto(ReminderKind.ThanksDue, today, $"感谢介绍人 Thank the referrer: {r.ReferrerName}",
            r.ReferrerId, r.ReferrerName, r.Id, $"/api/v1/referrals/{r.Id}")));
    }

    private async Task AddVisitsDueAsync(List<ReminderDto> reminders, DateOnly today, CancellationToken ct)
    {
        if (db.Caller.UserId is not { } me || db.Caller.Role is not (Role.Rep or Role.Manager)) return;
        var due = await VisitComplianceReader.ReadAsync(db, calendar, calendar.CurrentWeek, me, null, ct);
        reminders.AddRange(due.Where(r => r.Shortfall > 0).Select(r => new ReminderDto(ReminderKind.VisitDue, today,
            $"本周还需拜访 {r.Shortfall} 次 Needs {r.Shortfall} more visit(s) this week: {r.CustomerName}", r.CustomerId, r.CustomerName, r.CustomerId, $"/api/v1/customers/{r.CustomerId}")));
    }
}
