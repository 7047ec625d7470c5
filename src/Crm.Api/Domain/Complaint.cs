namespace Crm.Api.Domain;

/// <summary>The intake window (投诉渠道) through which the complaint came.</summary>
public enum ComplaintChannel { Phone, Email, WebForm, Visit, Letter, ServiceCentre }

/// <summary>Common after-sales problems from the manuals.</summary>
public enum ComplaintCategory { ProductQuality, Price, LateDelivery, InstallationService, MissingPromotionInfo, PaymentCredit, InsufficientTraining, Other }

public enum ComplaintSeverity { Low, Medium, High, Critical }

public enum ComplaintStatus { Open, Acknowledged, Investigating, Resolved, Closed }

public enum ResolutionType { Repair, Replacement, Return, Refund, RemedyAgreed, Compensation }

public enum SlaState { OnTrack, AtRisk, Breached, Met }

public enum ComplaintEventKind { Logged, StatusChanged, Assigned, Commitment, Resolved, Closed, Reopened, Comment }

/// <summary>客户投诉: intake, a committed resolution time (承诺时间) that is kept, the root cause removed, a follow-up call.</summary>
public class Complaint : AuditedEntity
{
    /// <summary>A complaint is at risk when less than this share of its window is left.</summary>
    public const double AtRiskShare = 0.2;

    public string Number { get; set; } = "";
    public Guid CustomerId { get; set; }
    public Customer? Customer { get; set; }
    /// <summary>
    /// The customer's owner, who decides who sees the complaint; a copy kept on every save (Persistence/OwnerCopies.cs),
    /// so that a scope's open complaints are one index range, not a seek into the customers for every complaint.
    /// </summary>
    public Guid CustomerOwnerId { get; set; }
    public Guid? ContactId { get; set; }
    public Guid? PurchaseId { get; set; }
    public ComplaintChannel Channel { get; set; }
    public ComplaintCategory Category { get; set; }
    public ComplaintSeverity Severity { get; set; }
    public string Description { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    public Guid? AssigneeId { get; private set; }
    public ComplaintStatus Status { get; private set; }

    public DateTime FirstResponseDueAt { get; private set; }
    public DateTime? FirstRespondedAt { get; private set; }
    public int? FirstResponseMinutes { get; private set; }
    /// <summary>承诺时间: when we committed to resolve it.</summary>
    public DateTime ResolutionDueAt { get; private set; }
    /// <summary>From this moment less than 20% of the window is left (stored so the at-risk queue is an index range).</summary>
    public DateTime AtRiskFrom { get; private set; }
    public string? CommitmentReason { get; private set; }

    public bool IsRecurring { get; private set; }
    public Guid? RecurringOfId { get; private set; }

    public bool? IsFactual { get; private set; }
    public ResolutionType? ResolutionType { get; private set; }
    public string? RootCause { get; private set; }
    public string? CorrectiveAction { get; private set; }
    public string? Explanation { get; private set; }
    public string? GoodwillDescription { get; private set; }
    public decimal? GoodwillValue { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    public int? ResolutionMinutes { get; private set; }
    public bool? ResolvedWithinCommitment { get; private set; }

    public int? Satisfaction { get; private set; }
    public string? FollowUpComment { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public int ReopenCount { get; private set; }

    public List<ComplaintEvent> Events { get; set; } = [];

    private static readonly Dictionary<ComplaintStatus, ComplaintStatus[]> Allowed = new()
    {
        [ComplaintStatus.Open] = [ComplaintStatus.Acknowledged],
        [ComplaintStatus.Acknowledged] = [ComplaintStatus.Investigating, ComplaintStatus.Resolved],
        [ComplaintStatus.Investigating] = [ComplaintStatus.Resolved],
        [ComplaintStatus.Resolved] = [ComplaintStatus.Closed, ComplaintStatus.Investigating],
        [ComplaintStatus.Closed] = [ComplaintStatus.Investigating],
    };

    public static IReadOnlyList<ComplaintStatus> AllowedFrom(ComplaintStatus status) => Allowed[status];

    public bool IsFinished => Status is ComplaintStatus.Resolved or ComplaintStatus.Closed;

    /// <summary>The statuses of a complaint not yet finished: the open queue, the SLA counts, the reminders.</summary>
    public static readonly IReadOnlyList<ComplaintStatus> UnresolvedStatuses = [ComplaintStatus.Open, ComplaintStatus.Acknowledged, ComplaintStatus.Investigating];

    /// <summary>Takes the complaint in: the first-response and resolution deadlines come from the SLA policy.</summary>
    public void Intake(TimeSpan respondWithin, TimeSpan resolveWithin, Complaint? previousOfSameKind, Guid? actor, DateTime now)
    {
        Status = ComplaintStatus.Open;
        FirstResponseDueAt = ReceivedAt + respondWithin;
        SetCommitment(ReceivedAt + resolveWithin, null);
        if (previousOfSameKind is not null)
        {
            IsRecurring = true;
            RecurringOfId = previousOfSameKind.Id;
        }
        Record(ComplaintEventKind.Logged, actor, now, null);
    }

    /// <summary>
    /// An agent may commit to an earlier time, or to a later one than the policy gives only with a reason,
    /// and never to a time already past.
    /// </summary>
    public void Commit(DateTime committedAt, string? reason, DateTime policyDue, Guid? actor, DateTime now)
    {
        if (IsFinished) throw new DomainRuleException("The complaint is already resolved.");
        if (committedAt <= now) throw new DomainRuleException("A commitment must be in the future.");
        if (committedAt > policyDue && string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException("Committing to a later time than the policy allows needs a reason.");
        SetCommitment(committedAt, reason);
        Record(ComplaintEventKind.Commitment, actor, now, reason);
    }

    private void SetCommitment(DateTime due, string? reason)
    {
        ResolutionDueAt = due;
        CommitmentReason = reason;
        AtRiskFrom = due - TimeSpan.FromTicks((long)((due - ReceivedAt).Ticks * AtRiskShare));
    }

    public void Assign(Guid assignee, Guid? actor, DateTime now)
    {
        if (AssigneeId == assignee) return;
        AssigneeId = assignee;
        Events.Add(new ComplaintEvent { ComplaintId = Id, Position = Events.Count, Kind = ComplaintEventKind.Assigned, ActorId = actor, At = now, AssigneeId = assignee });
    }

    public void Acknowledge(Guid? actor, DateTime now)
    {
        MoveTo(ComplaintStatus.Acknowledged, actor, now);
        FirstRespondedAt ??= now;
        FirstResponseMinutes ??= (int)Math.Round((now - ReceivedAt).TotalMinutes);
    }

    public void Investigate(Guid? actor, DateTime now) => MoveTo(ComplaintStatus.Investigating, actor, now);

    /// <summary>
    /// Resolving records whether the complaint was factual. A factual one needs a remedy, its root cause and the
    /// corrective action so that it does not recur; a non-factual one needs the explanation given.
    /// </summary>
    public void Resolve(ComplaintResolution resolution, Guid? actor, DateTime now)
    {
        if (resolution.IsFactual)
        {
            if (resolution.Type is null) throw new DomainRuleException("A factual complaint needs a resolution type.");
            if (string.IsNullOrWhiteSpace(resolution.RootCause) || string.IsNullOrWhiteSpace(resolution.CorrectiveAction))
                throw new DomainRuleException("A factual complaint is resolved only with its root cause and the corrective action.");
        }
        else if (string.IsNullOrWhiteSpace(resolution.Explanation))
        {
            throw new DomainRuleException("A complaint that was not factual is resolved with the explanation given to the customer.");
        }
        MoveTo(ComplaintStatus.Resolved, actor, now);
        IsFactual = resolution.IsFactual;
        ResolutionType = resolution.IsFactual ? resolution.Type : null;
        RootCause = resolution.RootCause?.Trim();
        CorrectiveAction = resolution.CorrectiveAction?.Trim();
        Explanation = resolution.Explanation?.Trim();
        GoodwillDescription = resolution.GoodwillDescription?.Trim();
        GoodwillValue = resolution.GoodwillValue;
        ResolvedAt = now;
        ResolutionMinutes = (int)Math.Round((now - ReceivedAt).TotalMinutes);
        ResolvedWithinCommitment = now <= ResolutionDueAt;
        Events[^1].Kind = ComplaintEventKind.Resolved;
    }

    /// <summary>Closed after the follow-up call (回访), with the customer's satisfaction from 1 to 5.</summary>
    public void Close(int satisfaction, string? comment, Guid? actor, DateTime now)
    {
        if (satisfaction is < 1 or > 5) throw new DomainRuleException("Satisfaction is a score from 1 to 5.");
        MoveTo(ComplaintStatus.Closed, actor, now);
        Satisfaction = satisfaction;
        FollowUpComment = comment?.Trim();
        ClosedAt = now;
        Events[^1].Kind = ComplaintEventKind.Closed;
    }

    /// <summary>A resolved or closed complaint may be reopened within the window (setting, 30 days by default).</summary>
    public void Reopen(string? reason, TimeSpan window, Guid? actor, DateTime now)
    {
        var since = ClosedAt ?? ResolvedAt;
        if (!IsFinished || since is null) throw new IllegalTransitionException($"A {Status} complaint is not resolved, so it cannot be reopened.", [.. Allowed[Status].Select(s => s.ToString())]);
        if (now > since.Value + window) throw new DomainRuleException($"The complaint was finished more than {window.TotalDays:0} days ago; log a new complaint instead.");
        MoveTo(ComplaintStatus.Investigating, actor, now);
        ReopenCount++;
        (Satisfaction, ClosedAt, ResolvedAt, ResolutionMinutes, ResolvedWithinCommitment) = (null, null, null, null, null);
        Events[^1].Kind = ComplaintEventKind.Reopened;
        Events[^1].Comment = reason;
    }

    public void Comment(string text, Guid? actor, DateTime now) => Record(ComplaintEventKind.Comment, actor, now, text);

    public SlaState SlaAt(DateTime now) => SlaOf(ResolvedAt, ResolutionDueAt, AtRiskFrom, now);

    /// <summary>Breach flips exactly at the committed time; at risk once less than 20% of the window is left.</summary>
    public static SlaState SlaOf(DateTime? resolvedAt, DateTime due, DateTime atRiskFrom, DateTime now) =>
        resolvedAt is { } resolved ? (resolved <= due ? SlaState.Met : SlaState.Breached)
        : now >= due ? SlaState.Breached
        : now >= atRiskFrom ? SlaState.AtRisk
        : SlaState.OnTrack;

    private void MoveTo(ComplaintStatus next, Guid? actor, DateTime now)
    {
        if (!Allowed[Status].Contains(next))
            throw new IllegalTransitionException($"A {Status} complaint cannot become {next}.", [.. Allowed[Status].Select(s => s.ToString())]);
        var from = Status;
        Status = next;
        Events.Add(new ComplaintEvent { ComplaintId = Id, Position = Events.Count, Kind = ComplaintEventKind.StatusChanged, ActorId = actor, At = now, FromStatus = from, ToStatus = next });
    }

    private void Record(ComplaintEventKind kind, Guid? actor, DateTime at, string? comment) =>
        Events.Add(new ComplaintEvent { ComplaintId = Id, Position = Events.Count, Kind = kind, ActorId = actor, At = at, Comment = comment });
}

public sealed record ComplaintResolution(
    bool IsFactual, ResolutionType? Type, string? RootCause, string? CorrectiveAction, string? Explanation, string? GoodwillDescription, decimal? GoodwillValue);

/// <summary>The complaint's timeline: every change, comment and assignment with who and when.</summary>
public class ComplaintEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ComplaintId { get; set; }
    /// <summary>Order within the complaint's timeline (several events can share a timestamp).</summary>
    public int Position { get; set; }
    public ComplaintEventKind Kind { get; set; }
    public Guid? ActorId { get; set; }
    public DateTime At { get; set; }
    public string? Comment { get; set; }
    public ComplaintStatus? FromStatus { get; set; }
    public ComplaintStatus? ToStatus { get; set; }
    public Guid? AssigneeId { get; set; }
}

/// <summary>
/// SLA targets by severity. Key accounts and Special/A customers get the priority targets (e.g. critical:
/// respond in 2 h, resolve in 24 h).
/// </summary>
public class ComplaintSlaTarget : IVersionedRow
{
    public ComplaintSeverity Severity { get; set; }
    public int RespondHours { get; set; }
    public int ResolveHours { get; set; }
    public int PriorityRespondHours { get; set; }
    public int PriorityResolveHours { get; set; }
    public long Version { get; set; } = 1;

    public static bool IsPriority(Customer customer) => customer.IsKeyAccount || customer.Level is CustomerLevel.Special or CustomerLevel.A;

    public (TimeSpan Respond, TimeSpan Resolve) For(Customer customer) => IsPriority(customer)
        ? (TimeSpan.FromHours(PriorityRespondHours), TimeSpan.FromHours(PriorityResolveHours))
        : (TimeSpan.FromHours(RespondHours), TimeSpan.FromHours(ResolveHours));

    public static ComplaintSlaTarget[] Defaults =>
    [
        new() { Severity = ComplaintSeverity.Critical, RespondHours = 4, ResolveHours = 48, PriorityRespondHours = 2, PriorityResolveHours = 24 },
        new() { Severity = ComplaintSeverity.High, RespondHours = 8, ResolveHours = 72, PriorityRespondHours = 4, PriorityResolveHours = 48 },
        new() { Severity = ComplaintSeverity.Medium, RespondHours = 24, ResolveHours = 120, PriorityRespondHours = 12, PriorityResolveHours = 72 },
        new() { Severity = ComplaintSeverity.Low, RespondHours = 48, ResolveHours = 240, PriorityRespondHours = 24, PriorityResolveHours = 120 },
    ];
}

/// <summary>标准回答: the same answer from every employee for a frequent complaint.</summary>
public class StandardAnswer : AuditedEntity
{
    public ComplaintCategory Category { get; set; }
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
    public List<string> Tags { get; set; } = [];
}
