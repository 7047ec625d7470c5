using Crm.Api.Common;
using Crm.Api.Domain;

namespace Crm.Api.Features.Tasks;

public sealed record TaskDto : IVersioned
{
    public Guid Id { get; init; }
    public string Title { get; init; } = "";
    public string? Description { get; init; }
    public Guid? CustomerId { get; init; }
    public string? CustomerName { get; init; }
    public Guid AssigneeId { get; init; }
    public string AssigneeName { get; init; } = "";
    public DateOnly DueDate { get; init; }
    public TimeOnly? DueTime { get; init; }
    public TaskItemPriority Priority { get; init; }
    public TaskItemStatus Status { get; init; }
    public IReadOnlyList<TaskItemStatus> AllowedNext { get; init; } = [];
    public string? BoardPeriod { get; init; }
    public TaskSource Source { get; init; }
    public Guid? SourceId { get; init; }
    public DateTime? CompletedAt { get; init; }
    public Guid? CompletedBy { get; init; }
    public DateTime CreatedAt { get; init; }
    public long Version { get; init; }
}

public sealed record TaskCommentDto(Guid Id, Guid? AuthorId, string Text, DateTime At);

internal static class TaskProjection
{
    public static IQueryable<TaskDto> ToDto(this IQueryable<TaskItem> tasks) => tasks.Select(t => new TaskDto
    {
        Id = t.Id, Title = t.Title, Description = t.Description, CustomerId = t.CustomerId, CustomerName = t.Customer != null ? t.Customer.Name : null,
        AssigneeId = t.AssigneeId, AssigneeName = t.Assignee!.DisplayName, DueDate = t.DueDate, DueTime = t.DueTime, Priority = t.Priority, Status = t.Status,
        BoardPeriod = t.BoardPeriod, Source = t.Source, SourceId = t.SourceId, CompletedAt = t.CompletedAt, CompletedBy = t.CompletedBy,
        CreatedAt = t.CreatedAt, Version = t.Version,
    });

    public static TaskDto WithAllowedNext(this TaskDto dto) => dto with { AllowedNext = TaskItem.AllowedFrom(dto.Status) };
}
