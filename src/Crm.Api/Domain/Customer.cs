namespace Crm.Api.Domain;

/// <summary>客户档案: background, status and contact attributes of a company or person that receives our products.</summary>
public class Customer : AuditedEntity
{
    public const int NameMax = 200;
    public const int CodeMax = 32;

    // Background (背景属性)
    public string Name { get; set; } = "";
    public string Code { get; set; } = "";
    public CustomerKind Kind { get; set; }
    public EnterpriseType EnterpriseType { get; set; }
    public string? Industry { get; set; }
    public string? Region { get; set; }

    // Status (状态属性)
    public bool IsKeyAccount { get; set; }
    public CustomerLevel Level { get; set; } = CustomerLevel.C;
    /// <summary>The points balance: always the sum of the ledger (see Post).</summary>
    public long Points { get; private set; }
    public string? Tier { get; private set; }
    /// <summary>The grade of the latest relationship assessment (客户关系评估), and when it was made.</summary>
    public string? LatestGrade { get; set; }
    public DateOnly? LastAssessedOn { get; set; }
    /// <summary>The old customer who referred this one (转介绍).</summary>
    public Guid? ReferredById { get; set; }
    public CreditRating CreditRating { get; set; }
    public bool IsAlerted { get; private set; }
    public string? AlertReason { get; private set; }
    public Lifecycle Lifecycle { get; private set; } = Lifecycle.Prospect;
    /// <summary>历史标识: when the customer was moved into the retention store; null while current.</summary>
    public DateTime? ArchivedAt { get; private set; }
    public Lifecycle? LifecycleBeforeArchive { get; private set; }

    // Contact (联系属性)
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }
    public string? Website { get; set; }
    public string? Email { get; set; }

    // Classifications
    public CustomerOrigin Origin { get; set; }
    public ChainPosition ChainPosition { get; set; }
    public LeadSource LeadSource { get; set; } = LeadSource.Other;

    public PersonalProfile Profile { get; set; } = new();
    /// <summary>
    /// The profile's birthday as month and day (1118 for 18 November), kept on every save (Persistence/BirthdayMonthDays.cs),
    /// so that a scope's birthdays of a day are an index seek rather than a read of every customer.
    /// </summary>
    public int? BirthdayMonthDay { get; private set; }
    public List<ImportantDate> ImportantDates { get; set; } = [];
    public List<CustomerTag> Tags { get; set; } = [];

    public Guid OwnerId { get; private set; }
    public User? Owner { get; private set; }

    public List<Contact> Contacts { get; set; } = [];

    /// <summary>
    /// The default order of customer lists: open referral leads first (they must be closed quickly), then by name.
    /// Kept as a column so that the order is one index and keyset paging stays a seek.
    /// </summary>
    public string ListOrder { get; private set; } = "";

    /// <summary>A referred prospect not yet won: top priority for its account manager.</summary>
    public bool IsPriorityLead => ReferredById is not null && Lifecycle == Lifecycle.Prospect;

    public void RefreshListOrder() => ListOrder = (IsPriorityLead ? "0" : "1") + Name;

    public CustomerState State => Lifecycle == Lifecycle.Prospect ? CustomerState.Potential : CustomerState.Actual;
    public bool IsArchived => ArchivedAt is not null;

    public Customer(Guid ownerId) => OwnerId = ownerId;

    private Customer() { }

    public void SetAlert(bool alerted, string? reason)
    {
        if (alerted && string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException("An alert needs a reason.");
        IsAlerted = alerted;
        AlertReason = alerted ? reason!.Trim() : null;
    }

    public void ReplaceTags(IEnumerable<string> tags)
    {
        var wanted = tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Tags.RemoveAll(t => !wanted.Contains(t.Tag, StringComparer.OrdinalIgnoreCase));
        foreach (var tag in wanted.Where(w => !Tags.Any(t => string.Equals(t.Tag, w, StringComparison.OrdinalIgnoreCase))))
            Tags.Add(new CustomerTag { CustomerId = Id, Tag = tag });
    }

    /// <summary>A prospect becomes an actual customer with their first purchase; a lapsed one is won back.</summary>
    public void RecordPurchase()
    {
        if (IsArchived) throw new DomainRuleException("An archived customer cannot buy; restore it first.");
        if (Lifecycle is Lifecycle.Prospect or Lifecycle.Lapsed) Lifecycle = Lifecycle.Active;
    }

    /// <summary>Posts a ledger line: the balance moves by its amount and never goes below zero.</summary>
    public PointsEntry Post(PointsEntry entry)
    {
        if (entry.Amount == 0) throw new DomainRuleException("A points entry cannot be zero.");
        if (Points + entry.Amount < 0) throw new InsufficientPointsException(Points, -entry.Amount);
        Points += entry.Amount;
        entry.CustomerId = Id;
        entry.BalanceAfter = Points;
        return entry;
    }

    /// <summary>Moves the customer to a tier; returns the change to record, or null when it stays the same.</summary>
    public TierChange? MoveToTier(string? tier, long earned12Months, DateTime now)
    {
        if (tier is null || tier == Tier) return null;
        var change = new TierChange { CustomerId = Id, FromTier = Tier, ToTier = tier, Earned12Months = earned12Months, ChangedAt = now };
        Tier = tier;
        return change;
    }

    /// <summary>A referred prospect is an A-grade lead: it is raised to level A at least.</summary>
    public void MarkReferredBy(Guid referrerId)
    {
        if (referrerId == Id) throw new DomainRuleException("A customer cannot refer itself.");
        ReferredById = referrerId;
        LeadSource = LeadSource.Referral;
        if (Level is CustomerLevel.B or CustomerLevel.C) Level = CustomerLevel.A;
    }

    public void MarkLapsed()
    {
        if (Lifecycle != Lifecycle.Active) throw new DomainRuleException("Only an active customer can lapse.");
        Lifecycle = Lifecycle.Lapsed;
    }

    public void Archive(DateTime now)
    {
        if (IsArchived) throw new DomainRuleException("The customer is already archived.");
        LifecycleBeforeArchive = Lifecycle;
        Lifecycle = Lifecycle.Archived;
        ArchivedAt = now;
    }

    public void Restore()
    {
        if (!IsArchived) throw new DomainRuleException("The customer is not archived.");
        Lifecycle = LifecycleBeforeArchive ?? Lifecycle.Prospect;
        LifecycleBeforeArchive = null;
        ArchivedAt = null;
    }

    public void TransferTo(Guid newOwnerId)
    {
        if (newOwnerId == OwnerId) throw new DomainRuleException("The customer already belongs to that account manager.");
        OwnerId = newOwnerId;
    }
}

/// <summary>Personal profile for relationship care, mostly for person customers.</summary>
public class PersonalProfile
{
    public Gender Gender { get; set; }
    public DateOnly? Birthday { get; set; }
    public string? Hobbies { get; set; }
    public string? Personality { get; set; }
    public string? Family { get; set; }
    public string? Occupation { get; set; }
    public IncomeBand IncomeBand { get; set; }
}

/// <summary>重要日期: an anniversary or other date the account manager should remember.</summary>
public class ImportantDate
{
    private DateOnly date;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CustomerId { get; set; }
    public string Label { get; set; } = "";

    public DateOnly Date
    {
        get => date;
        set
        {
            date = value;
            MonthDay = MonthDayKey.Of(value);
        }
    }

    /// <summary>The date's <see cref="MonthDayKey"/>: a day's reminders seek it, whatever the year.</summary>
    public int MonthDay { get; private set; }
}

public class CustomerTag
{
    public Guid CustomerId { get; set; }
    public string Tag { get; set; } = "";
}

/// <summary>A recorded change of account manager.</summary>
public class CustomerTransfer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CustomerId { get; set; }
    public Guid FromOwnerId { get; set; }
    public Guid ToOwnerId { get; set; }
    public Guid? TransferredBy { get; set; }
    public DateTime TransferredAt { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// One normalised search term of a customer (its name, a word of it, its code, a phone, an e-mail, a contact's
/// name...). `q` searches are prefix range scans over this one index, which stays fast at a million customers
/// where LIKE '%x%' over several columns would scan the table.
/// </summary>
public class CustomerSearchTerm
{
    public const int TermMax = 100;
    public long Id { get; init; }
    public Guid CustomerId { get; set; }
    /// <summary>The customer or contact the term was taken from, so each can be re-indexed on its own.</summary>
    public Guid SourceId { get; set; }
    /// <summary>
    /// A copy of the customer's owner (OwnerCopies), so that a rep's or a manager's search reads only the terms in
    /// their scope instead of every customer whose name starts the same way.
    /// </summary>
    public Guid OwnerId { get; set; }
    public string Term { get; set; } = "";

    public static string Normalise(string text) => text.Trim().ToLowerInvariant();

    public static string DigitsOnly(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    public static IEnumerable<string> TermsOf(params string?[] texts)
    {
        var terms = new HashSet<string>();
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var whole = Normalise(text);
            terms.Add(whole);
            // Search matches terms by prefix, so a word the whole text starts with ("northwind" of "northwind traders",
            // "c" of "c-000123") would find nothing the whole text does not: it is left out (a quarter of all terms).
            foreach (var word in whole.Split([' ', '-', '.', ',', '(', ')', '@', '/'], StringSplitOptions.RemoveEmptyEntries))
                if (!whole.StartsWith(word, StringComparison.Ordinal)) terms.Add(word);
            var digits = DigitsOnly(text);
            if (digits.Length >= 3) terms.Add(digits);
            // A phone is also found by its local number, without the area code: "021-5555 0011" by "55550011".
            var firstBreak = text.IndexOfAny([' ', '-', ')']);
            var local = firstBreak > 0 ? DigitsOnly(text[(firstBreak + 1)..]) : "";
            if (local.Length >= 7 && local != digits) terms.Add(local);
        }
        return terms.Where(t => t.Length > 0).Select(t => t.Length > TermMax ? t[..TermMax] : t);
    }

    /// <summary>The smallest string greater than every string that starts with <paramref name="prefix"/> (binary order).</summary>
    public static string UpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}
