using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Tasks;

/// <summary>What a person may set on a task.</summary>
public sealed record TaskInput
{
    public string Title { get; init; } = "";
    public string? Description { get; init; }
    public Guid? CustomerId { get; init; }
    /// <summary>Defaults to the caller.</summary>
    public Guid? AssigneeId { get; init; }
    public DateOnly DueDate { get; init; }
    public TimeOnly? DueTime { get; init; }
    public TaskItemPriority Priority { get; init; } = TaskItemPriority.Normal;
    /// <summary>A week (2026-W47) or a month (2026-11) the task is a focus item for.</summary>
    public string? BoardPeriod { get; init; }
    /// <summary>A due date in the past is refused unless the task is knowingly back-dated.</summary>
    public bool Backdated { get; init; }
}

public sealed class TaskInputValidator : AbstractValidator<TaskInput>
{
    public TaskInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Description).MaximumLength(2000);
        RuleFor(x => x.DueDate).NotEmpty();
        RuleFor(x => x.BoardPeriod).MaximumLength(8).Must(p => p is null || Boards.TryParseMonth(p, out _) || OrganisationCalendar.TryParseWeek(p, out _))
            .WithMessage("boardPeriod is a week such as 2026-W47 or a month such as 2026-11.");
    }
}

internal static class TaskRules
{
    public static async Task ApplyAsync(CrmDbContext db, OrganisationCalendar calendar, TaskItem task, TaskInput input, bool isNew, CancellationToken ct)
    {
        if (isNew && input.DueDate < calendar.Today && !input.Backdated)
            throw new ValidationException([new ValidationFailure("dueDate", "The due date is in the past; set backdated=true to record an overdue task on purpose.")]);
        if (input.CustomerId is { } customerId && !await db.Customers.AnyAsync(c => c.Id == customerId, ct))
            throw new NotFoundException("The customer");
        var assignee = input.AssigneeId ?? db.Caller.UserId
            ?? throw new ValidationException([new ValidationFailure("assigneeId", "Name who does the task (assigneeId).")]);
        var caller = db.Caller;
        var known = await db.Users.AnyAsync(u => u.Id == assignee && !u.IsDisabled, ct);
        var inScope = caller.SeesAllCustomers || caller.VisibleOwnerIds.Contains(assignee);
        if (!known || !inScope) throw new ValidationException([new ValidationFailure("assigneeId", "Not an active colleague you can give tasks to.")]);
        task.Title = input.Title.Trim();
        task.Description = input.Description?.Trim();
        task.CustomerId = input.CustomerId;
        task.AssigneeId = assignee;
        task.DueDate = input.DueDate;
        task.DueTime = input.DueTime;
        task.Priority = input.Priority;
        task.BoardPeriod = input.BoardPeriod;
    }
}

public sealed record CreateTaskCommand(TaskInput Task) : ICommand<Guid>;

public sealed class CreateTaskValidator : AbstractValidator<CreateTaskCommand>
{
    public CreateTaskValidator() => RuleFor(x => x.Task).SetValidator(new TaskInputValidator()).OverridePropertyName("");
}

public sealed class CreateTaskHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<CreateTaskCommand, Guid>
{
    public async Task<Guid> Handle(CreateTaskCommand request, CancellationToken cancellationToken)
    {
        var task = new TaskItem { Source = TaskSource.Manual };
        await TaskRules.ApplyAsync(db, calendar, task, request.Task, true, cancellationToken);
        db.Tasks.Add(task);
        return task.Id;
    }
}

public sealed record UpdateTaskCommand(Guid Id, long ExpectedVersion, TaskInput Task) : ICommand<Guid>;

public sealed class UpdateTaskValidator : AbstractValidator<UpdateTaskCommand>
{
    public UpdateTaskValidator() => RuleFor(x => x.Task).SetValidator(new TaskInputValidator()).OverridePropertyName("");
}

public sealed class UpdateTaskHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<UpdateTaskCommand, Guid>
{
    public async Task<Guid> Handle(UpdateTaskCommand request, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The task");
        Preconditions.EnsureVersion(task.Version, request.ExpectedVersion);
        await TaskRules.ApplyAsync(db, calendar, task, request.Task, false, cancellationToken);
        return task.Id;
    }
}

public sealed record ChangeTaskStatusRequest(TaskItemStatus Status);

public sealed record ChangeTaskStatusCommand(Guid Id, long? ExpectedVersion, TaskItemStatus Status) : ICommand<Guid>;

public sealed class ChangeTaskStatusHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<ChangeTaskStatusCommand, Guid>
{
    public async Task<Guid> Handle(ChangeTaskStatusCommand request, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The task");
        if (request.ExpectedVersion is { } expected) Preconditions.EnsureVersion(task.Version, expected);
        task.MoveTo(request.Status, db.Caller.ActorId, clock.GetUtcNow().UtcDateTime);
        return task.Id;
    }
}

public sealed record CommentOnTaskRequest(string Text);

public sealed record CommentOnTaskCommand(Guid Id, CommentOnTaskRequest Comment) : ICommand<Guid>;

public sealed class CommentOnTaskValidator : AbstractValidator<CommentOnTaskCommand>
{
    public CommentOnTaskValidator() => RuleFor(x => x.Comment.Text).NotEmpty().MaximumLength(2000).OverridePropertyName("text");
}

public sealed class CommentOnTaskHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<CommentOnTaskCommand, Guid>
{
    public async Task<Guid> Handle(CommentOnTaskCommand request, CancellationToken cancellationToken)
    {
        if (!await db.Tasks.AnyAsync(t => t.Id == request.Id, cancellationToken)) throw new NotFoundException("The task");
        db.TaskComments.Add(new TaskComment { TaskId = request.Id, AuthorId = db.Caller.ActorId, Text = request.Comment.Text.Trim(), At = clock.GetUtcNow().UtcDateTime });
        return request.Id;
    }
}

public sealed record ListTaskCommentsQuery(Guid Id) : IRequest<Page<TaskCommentDto>>;

public sealed class ListTaskCommentsHandler(CrmDbContext db) : IRequestHandler<ListTaskCommentsQuery, Page<TaskCommentDto>>
{
    public async Task<Page<TaskCommentDto>> Handle(ListTaskCommentsQuery request, CancellationToken cancellationToken)
    {
        if (!await db.Tasks.AnyAsync(t => t.Id == request.Id, cancellationToken)) throw new NotFoundException("The task");
        var comments = await db.TaskComments.AsNoTracking().Where(c => c.TaskId == request.Id).OrderBy(c => c.At).Take(500)
            .Select(c => new TaskCommentDto(c.Id, c.AuthorId, c.Text, c.At)).ToListAsync(cancellationToken);
        return new Page<TaskCommentDto>(comments, null);
    }
}

public sealed record GetTaskQuery(Guid Id) : IRequest<TaskDto>;

public sealed class GetTaskHandler(CrmDbContext db) : IRequestHandler<GetTaskQuery, TaskDto>
{
    public async Task<TaskDto> Handle(GetTaskQuery request, CancellationToken cancellationToken) =>
        (await db.Tasks.AsNoTracking().Where(t => t.Id == request.Id).ToDto().FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The task")).WithAllowedNext();
}

/// <summary>
/// Tasks by due date. assignee=me (or an id), due=today|overdue (in the organisation's time zone), status, customer,
/// source and source record (to find the task of a visit, complaint or referral).
/// </summary>
public sealed record ListTasksQuery : IRequest<Page<TaskDto>>
{
    public string? Assignee { get; init; }
    public string? Due { get; init; }
    public TaskItemStatus? Status { get; init; }
    public Guid? CustomerId { get; init; }
    public TaskSource? Source { get; init; }
    public Guid? SourceId { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

public sealed class ListTasksValidator : AbstractValidator<ListTasksQuery>
{
    public ListTasksValidator()
    {
        RuleFor(x => x.Assignee).MaximumLength(36).Must(a => a is null || a == "me" || Guid.TryParse(a, out _)).WithMessage("assignee is 'me' or a user id.");
        RuleFor(x => x.Due).OneOf("today", "overdue").WithMessage("due is today or overdue.");
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
    }
}

public sealed class ListTasksHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<ListTasksQuery, Page<TaskDto>>
{
    public async Task<Page<TaskDto>> Handle(ListTasksQuery r, CancellationToken cancellationToken)
    {
        var tasks = db.Tasks.AsNoTracking();
        if (r.Assignee is { } assignee)
        {
            var id = assignee == "me" ? db.Caller.UserId ?? Guid.Empty : Guid.Parse(assignee);
            tasks = tasks.Where(t => t.AssigneeId == id);
        }
        var today = calendar.Today;
        var open = new[] { TaskItemStatus.ToDo, TaskItemStatus.InProgress };
        if (r.Due == "today") tasks = tasks.Where(t => t.DueDate == today && open.Contains(t.Status));
        if (r.Due == "overdue") tasks = tasks.Where(t => t.DueDate < today && open.Contains(t.Status));
        if (r.Status is { } status) tasks = tasks.Where(t => t.Status == status);
        if (r.CustomerId is { } customer) tasks = tasks.Where(t => t.CustomerId == customer);
        if (r.Source is { } source) tasks = tasks.Where(t => t.Source == source);
        if (r.SourceId is { } sourceId) tasks = tasks.Where(t => t.SourceId == sourceId);
        var page = await new Keyset<TaskItem>(tasks, t => t.Id).PageAsync(t => t.DueDate, false, r.Cursor, Paging.Limit(r.Limit),
            q => q.ToDto(), d => (d.DueDate, d.Id), cancellationToken);
        return page with { Items = page.Items.Select(t => t.WithAllowedNext()).ToList() };
    }
}

public sealed record TaskSummaryDto(int DueToday, int Overdue);

/// <summary>My day: how many of the caller's tasks are due today and overdue (the header badge, the dashboard).</summary>
public sealed record TaskSummaryQuery : IRequest<TaskSummaryDto>;

public sealed class TaskSummaryHandler(CrmDbContext db, OrganisationCalendar calendar) : IRequestHandler<TaskSummaryQuery, TaskSummaryDto>
{
    public async Task<TaskSummaryDto> Handle(TaskSummaryQuery request, CancellationToken cancellationToken)
    {
        var me = db.Caller.UserId ?? Guid.Empty;
        var today = calendar.Today;
        var open = db.Tasks.AsNoTracking().Where(t => t.AssigneeId == me && (t.Status == TaskItemStatus.ToDo || t.Status == TaskItemStatus.InProgress));
        return new TaskSummaryDto(await open.CountAsync(t => t.DueDate == today, cancellationToken), await open.CountAsync(t => t.DueDate < today, cancellationToken));
    }
}
