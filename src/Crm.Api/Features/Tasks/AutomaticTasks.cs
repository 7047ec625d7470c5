using Crm.Api.Domain;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Tasks;

/// <summary>
/// Tasks made for people, not by hand: a visit's follow-up date, a complaint's corrective action, a won referral's
/// thanks. Each exists once per source record (a unique index backs it) and closes when its record says the work is done.
/// </summary>
internal static class AutomaticTasks
{
    public static async Task EnsureAsync(CrmDbContext db, TaskSource source, Guid sourceId, Func<TaskItem> create, CancellationToken ct)
    {
        var exists = await db.Tasks.IgnoreQueryFilters().AnyAsync(t => t.Source == source && t.SourceId == sourceId, ct)
            || db.ChangeTracker.Entries<TaskItem>().Any(e => e.State == EntityState.Added && e.Entity.Source == source && e.Entity.SourceId == sourceId);
        if (exists) return;
        var task = create();
        task.Source = source;
        task.SourceId = sourceId;
        db.Tasks.Add(task);
    }

    public static async Task CloseAsync(CrmDbContext db, TaskSource source, Guid sourceId, DateTime now, CancellationToken ct)
    {
        var task = await db.Tasks.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.Source == source && t.SourceId == sourceId, ct);
        task?.CloseBySource(now);
    }

    /// <summary>A completed visit with a follow-up date asks its visitor to follow up; the next completed visit to that customer closes it.</summary>
    public static async Task AfterVisitCompletedAsync(CrmDbContext db, Visit visit, DateTime now, CancellationToken ct)
    {
        var earlier = await db.Tasks.IgnoreQueryFilters()
            .Where(t => t.Source == TaskSource.VisitFollowUp && t.CustomerId == visit.CustomerId && t.SourceId != visit.Id
                && (t.Status == TaskItemStatus.ToDo || t.Status == TaskItemStatus.InProgress))
            .ToListAsync(ct);
        foreach (var task in earlier) task.CloseBySource(now);

        if (visit.FollowUpDate is not { } followUp) return;
        var customerName = await db.Customers.IgnoreQueryFilters().Where(c => c.Id == visit.CustomerId).Select(c => c.Name).SingleAsync(ct);
        await EnsureAsync(db, TaskSource.VisitFollowUp, visit.Id, () => new TaskItem
        {
            Title = $"跟进 Follow up: {customerName}", Description = visit.NextSteps, CustomerId = visit.CustomerId, AssigneeId = visit.VisitorId,
            DueDate = followUp, Priority = TaskItemPriority.Normal,
        }, ct);
    }
}
