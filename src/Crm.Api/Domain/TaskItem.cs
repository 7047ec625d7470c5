namespace Crm.Api.Domain;

public enum TaskItemPriority { Low, Normal, High, Urgent }

public enum TaskItemStatus { ToDo, InProgress, Done, Cancelled }

/// <summary>Where a task came from. Tasks made for people by the system name their source record.</summary>
public enum TaskSource { Manual, VisitFollowUp, ComplaintAction, ReferralThanks, AssessmentAction, Reminder }

/// <summary>
/// A follow-up task (任务) on the service team's boards (看板): due on a day of the organisation's calendar,
/// optionally a focus item of a week or month.
/// </summary>
public class TaskItem : AuditedEntity
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public Guid? CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public Guid AssigneeId { get; set; }
    public User? Assignee { get; set; }
    /// <summary>The day it is due, in the organisation's time zone.</summary>
    public DateOnly DueDate { get; set; }
    public TimeOnly? DueTime { get; set; }
    public TaskItemPriority Priority { get; set; } = TaskItemPriority.Normal;
    public TaskItemStatus Status { get; private set; }
    /// <summary>The week (2026-W47) or month (2026-11) it is a focus item for.</summary>
    public string? BoardPeriod { get; set; }
    public TaskSource Source { get; set; }
    public Guid? SourceId { get; set; }
    public DateTime? CompletedAt { get; private set; }
    public Guid? CompletedBy { get; private set; }
    public List<TaskComment> Comments { get; set; } = [];

    private static readonly Dictionary<TaskItemStatus, TaskItemStatus[]> Allowed = new()
    {
        [TaskItemStatus.ToDo] = [TaskItemStatus.InProgress, TaskItemStatus.Done, TaskItemStatus.Cancelled],
        [TaskItemStatus.InProgress] = [TaskItemStatus.ToDo, TaskItemStatus.Done, TaskItemStatus.Cancelled],
        [TaskItemStatus.Done] = [TaskItemStatus.ToDo],
        [TaskItemStatus.Cancelled] = [],
    };

    public static IReadOnlyList<TaskItemStatus> AllowedFrom(TaskItemStatus status) => Allowed[status];

    public bool IsOpen => Status is TaskItemStatus.ToDo or TaskItemStatus.InProgress;

    public void MoveTo(TaskItemStatus next, Guid? actor, DateTime now)
    {
        if (next == Status) return;
        if (!Allowed[Status].Contains(next))
            throw new IllegalTransitionException($"A {Status} task cannot become {next}.", [.. Allowed[Status].Select(s => s.ToString())]);
        Status = next;
        (CompletedAt, CompletedBy) = next == TaskItemStatus.Done ? (now, actor) : ((DateTime?)null, (Guid?)null);
    }

    /// <summary>Closes a task made for a record once that record says the work is done (the thanks recorded, the complaint closed).</summary>
    public void CloseBySource(DateTime now)
    {
        if (!IsOpen) return;
        Status = TaskItemStatus.Done;
        CompletedAt = now;
        CompletedBy = null;
    }
}

public class TaskComment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TaskId { get; set; }
    public Guid? AuthorId { get; set; }
    public string Text { get; set; } = "";
    public DateTime At { get; set; }
}
