namespace Crm.Api.Domain;

/// <summary>Visit by form: on the customer's premises (上门拜访) or by phone (电话拜访).</summary>
public enum VisitForm { OnSite, Phone }

/// <summary>Visit by customer: an existing customer (现有客户) or a target still to be won (目标客户).</summary>
public enum VisitCategory { Existing, Target }

public enum VisitPurpose { SolveProblem, GrowSales, DeepenCooperation, RaiseSatisfaction, GetAcquainted, Other }

/// <summary>The appointment (约访): planned → confirmed → completed, or broken on the way.</summary>
public enum VisitStatus { Planned, Confirmed, Completed, CancelledByCustomer, CancelledByUs, NoShow }

/// <summary>核查及存档: a completed record waits for its manager, who approves it or returns it for more detail.</summary>
public enum ReviewStatus { NotSubmitted, PendingReview, Returned, Approved }

public enum VisitEventKind { Planned, Logged, Confirmed, Rescheduled, Cancelled, NoShow, Completed, RecordEdited, Resubmitted, Approved, Returned }

/// <summary>A visit to a customer, from the appointment to the written, reviewed record.</summary>
public class Visit : AuditedEntity
{
    public const int SummaryMinLength = 10;

    public Guid CustomerId { get; set; }
    public Customer? Customer { get; set; }
    /// <summary>
    /// The customer's owner, who decides who sees the visit; a copy kept on every save (Persistence/OwnerCopies.cs), so
    /// that a scope's week of visits is one index range, not a seek into the customers for every visit.
    /// </summary>
    public Guid CustomerOwnerId { get; set; }
    public Guid VisitorId { get; set; }
    public User? Visitor { get; private set; }
    public List<VisitCompanion> Companions { get; set; } = [];
    public VisitForm Form { get; set; }
    public VisitCategory Category { get; set; }
    public List<VisitPurpose> Purposes { get; set; } = [];
    public string? Agenda { get; set; }
    public DateTime? PlannedStart { get; private set; }
    public DateTime? PlannedEnd { get; private set; }
    public VisitStatus Status { get; private set; }
    public string? CancellationReason { get; private set; }

    // The record (拜访记录)
    public DateTime? ActualStart { get; private set; }
    public DateTime? ActualEnd { get; private set; }
    public string? Summary { get; private set; }
    public string? Outcome { get; private set; }
    public string? CustomerFeedback { get; private set; }
    public string? NextSteps { get; private set; }
    public DateOnly? FollowUpDate { get; private set; }
    public double? CheckInLatitude { get; private set; }
    public double? CheckInLongitude { get; private set; }
    public double? CheckInAccuracyMeters { get; private set; }

    // Review (核查及存档)
    public ReviewStatus ReviewStatus { get; private set; }
    public int Submissions { get; private set; }
    public Guid? ReviewedBy { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public string? ReviewComment { get; private set; }

    public List<VisitEvent> Events { get; set; } = [];

    /// <summary>Counts towards the visit frequency: completed and approved or waiting for review.</summary>
    public bool CountsAsDone => Status == VisitStatus.Completed && ReviewStatus is ReviewStatus.PendingReview or ReviewStatus.Approved;

    private static readonly Dictionary<VisitStatus, VisitStatus[]> Allowed = new()
    {
        [VisitStatus.Planned] = [VisitStatus.Confirmed, VisitStatus.Planned, VisitStatus.CancelledByCustomer, VisitStatus.CancelledByUs, VisitStatus.NoShow, VisitStatus.Completed],
        [VisitStatus.Confirmed] = [VisitStatus.Planned, VisitStatus.CancelledByCustomer, VisitStatus.CancelledByUs, VisitStatus.NoShow, VisitStatus.Completed],
        [VisitStatus.Completed] = [],
        [VisitStatus.CancelledByCustomer] = [],
        [VisitStatus.CancelledByUs] = [],
        [VisitStatus.NoShow] = [],
    };

    /// <summary>Where the appointment can go from its current state (rescheduling returns it to Planned).</summary>
    public IReadOnlyList<VisitStatus> AllowedNext => Allowed[Status];

    public static IReadOnlyList<VisitStatus> AllowedFrom(VisitStatus status) => Allowed[status];

    public static Visit Plan(Customer customer, Guid visitorId, VisitForm form, DateTime start, DateTime end, Guid? actor, DateTime now)
    {
        if (end <= start) throw new DomainRuleException("A visit must end after it starts.");
        var visit = new Visit
        {
            CustomerId = customer.Id, VisitorId = visitorId, Form = form, Category = CategoryOf(customer),
            PlannedStart = start, PlannedEnd = end, Status = VisitStatus.Planned,
        };
        visit.Record(VisitEventKind.Planned, actor, now, null);
        return visit;
    }

    /// <summary>An unplanned visit, logged after the fact with its record.</summary>
    public static Visit Log(Customer customer, Guid visitorId, VisitForm form, VisitRecord record, Guid? actor, DateTime now)
    {
        var visit = new Visit { CustomerId = customer.Id, VisitorId = visitorId, Form = form, Category = CategoryOf(customer), Status = VisitStatus.Planned };
        visit.Complete(record, now);
        visit.Events.Clear();
        visit.Record(VisitEventKind.Logged, actor, now, null);
        return visit;
    }

    /// <summary>Existing or target is decided by the customer's lifecycle when the visit is made.</summary>
    public static VisitCategory CategoryOf(Customer customer) =>
        customer.Lifecycle == Lifecycle.Prospect ? VisitCategory.Target : VisitCategory.Existing;

    public void Confirm(Guid? actor, DateTime now)
    {
        MoveTo(VisitStatus.Confirmed);
        Record(VisitEventKind.Confirmed, actor, now, null);
    }

    public void Reschedule(DateTime start, DateTime end, string? reason, Guid? actor, DateTime now)
    {
        if (end <= start) throw new DomainRuleException("A visit must end after it starts.");
        MoveTo(VisitStatus.Planned);
        Record(VisitEventKind.Rescheduled, actor, now, reason, PlannedStart, PlannedEnd);
        PlannedStart = start;
        PlannedEnd = end;
    }

    public void Cancel(bool byCustomer, string? reason, Guid? actor, DateTime now)
    {
        MoveTo(byCustomer ? VisitStatus.CancelledByCustomer : VisitStatus.CancelledByUs);
        CancellationReason = reason;
        Record(VisitEventKind.Cancelled, actor, now, reason);
    }

    public void MarkNoShow(Guid? actor, DateTime now)
    {
        MoveTo(VisitStatus.NoShow);
        Record(VisitEventKind.NoShow, actor, now, null);
    }

    /// <summary>Completing writes the record and submits it for the manager's review.</summary>
    public void Complete(VisitRecord record, DateTime now, Guid? actor = null)
    {
        MoveTo(VisitStatus.Completed);
        Apply(record, now);
        ReviewStatus = ReviewStatus.PendingReview;
        Submissions = 1;
        Record(VisitEventKind.Completed, actor, now, null);
    }

    /// <summary>
    /// The author edits a record that is waiting or was returned; an approved record is locked and only a
    /// reviewer may correct it (the correction is recorded).
    /// </summary>
    public void EditRecord(VisitRecord record, bool byReviewer, Guid? actor, DateTime now)
    {
        if (Status != VisitStatus.Completed) throw new DomainRuleException("Only a completed visit has a record to edit.");
        if (ReviewStatus == ReviewStatus.Approved && !byReviewer)
            throw new DomainRuleException("An approved record is filed and locked; ask your manager to correct it.");
        Apply(record, now);
        Record(VisitEventKind.RecordEdited, actor, now, null);
    }

    public void Resubmit(Guid? actor, DateTime now)
    {
        if (ReviewStatus != ReviewStatus.Returned) throw new DomainRuleException("Only a returned record can be resubmitted.");
        ReviewStatus = ReviewStatus.PendingReview;
        Submissions++;
        Record(VisitEventKind.Resubmitted, actor, now, null);
    }

    public void Approve(Guid reviewer, string? comment, DateTime now)
    {
        EnsureReviewable(reviewer);
        ReviewStatus = ReviewStatus.Approved;
        (ReviewedBy, ReviewedAt, ReviewComment) = (reviewer, now, comment);
        Record(VisitEventKind.Approved, reviewer, now, comment);
    }

    public void Return(Guid reviewer, string comment, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(comment)) throw new DomainRuleException("Say what the record is missing when returning it.");
        EnsureReviewable(reviewer);
        ReviewStatus = ReviewStatus.Returned;
        (ReviewedBy, ReviewedAt, ReviewComment) = (reviewer, now, comment);
        Record(VisitEventKind.Returned, reviewer, now, comment);
    }

    private void EnsureReviewable(Guid reviewer)
    {
        if (reviewer == VisitorId) throw new DomainRuleException("Nobody reviews their own visit record.");
        if (ReviewStatus != ReviewStatus.PendingReview)
            throw new DomainRuleException(ReviewStatus == ReviewStatus.Returned
                ? "A returned record must be edited and resubmitted before it can be approved."
                : "Only a record waiting for review can be reviewed.");
    }

    private void Apply(VisitRecord record, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(record.Summary) || record.Summary.Trim().Length < SummaryMinLength)
            throw new DomainRuleException($"A visit record needs a summary of at least {SummaryMinLength} characters.");
        if (record.ActualEnd <= record.ActualStart) throw new DomainRuleException("A visit must end after it starts.");
        if (record.ActualStart > now.AddHours(1)) throw new DomainRuleException("A visit cannot be recorded as made in the future.");
        ActualStart = record.ActualStart;
        ActualEnd = record.ActualEnd;
        Summary = record.Summary.Trim();
        Outcome = record.Outcome;
        CustomerFeedback = record.CustomerFeedback;
        NextSteps = record.NextSteps;
        FollowUpDate = record.FollowUpDate;
        (CheckInLatitude, CheckInLongitude, CheckInAccuracyMeters) = (record.Latitude, record.Longitude, record.AccuracyMeters);
    }

    private void MoveTo(VisitStatus next)
    {
        if (!Allowed[Status].Contains(next))
            throw new IllegalTransitionException($"A {Status} visit cannot become {next}.", Allowed[Status].Select(s => s.ToString()).ToArray());
        Status = next;
    }

    private void Record(VisitEventKind kind, Guid? actor, DateTime at, string? comment, DateTime? oldStart = null, DateTime? oldEnd = null) =>
        Events.Add(new VisitEvent { VisitId = Id, Position = Events.Count, Kind = kind, ActorId = actor, At = at, Comment = comment, OldStart = oldStart, OldEnd = oldEnd });
}

/// <summary>What the visitor writes down (拜访记录).</summary>
public sealed record VisitRecord(
    DateTime ActualStart, DateTime ActualEnd, string Summary, string? Outcome, string? CustomerFeedback, string? NextSteps,
    DateOnly? FollowUpDate, double? Latitude, double? Longitude, double? AccuracyMeters);

public class VisitCompanion
{
    public Guid VisitId { get; set; }
    public Guid UserId { get; set; }
}

/// <summary>The visit's history: reschedules keep the old time, reviews keep the comment.</summary>
public class VisitEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid VisitId { get; set; }
    /// <summary>Order within the visit's history (several events can share a timestamp).</summary>
    public int Position { get; set; }
    public VisitEventKind Kind { get; set; }
    public Guid? ActorId { get; set; }
    public DateTime At { get; set; }
    public string? Comment { get; set; }
    public DateTime? OldStart { get; set; }
    public DateTime? OldEnd { get; set; }
}

/// <summary>拜访频率: minimum visits per ISO week for customers of a level. Defaults from the manuals.</summary>
public class VisitPolicy : IVersionedRow
{
    public CustomerLevel Level { get; set; }
    public int MinOnSitePerWeek { get; set; }
    public int MinTotalPerWeek { get; set; }
    public long Version { get; set; } = 1;

    public bool HasMinimum => MinOnSitePerWeek > 0 || MinTotalPerWeek > 0;

    public static VisitPolicy[] Defaults =>
    [
        new() { Level = CustomerLevel.Special, MinOnSitePerWeek = 2, MinTotalPerWeek = 2 },
        new() { Level = CustomerLevel.A, MinOnSitePerWeek = 0, MinTotalPerWeek = 1 },
        new() { Level = CustomerLevel.B, MinOnSitePerWeek = 0, MinTotalPerWeek = 0 },
        new() { Level = CustomerLevel.C, MinOnSitePerWeek = 0, MinTotalPerWeek = 0 },
    ];
}

/// <summary>A status change that the workflow does not allow; carries the allowed next states.</summary>
public class IllegalTransitionException(string message, string[] allowed) : DomainRuleException(message)
{
    public string[] Allowed { get; } = allowed;
}
