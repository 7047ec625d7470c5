namespace Crm.Api.Domain;

/// <summary>联系人: a person at the customer we talk to. Exactly one is the primary contact.</summary>
public class Contact : AuditedEntity
{
    public Guid CustomerId { get; set; }
    public Customer? Customer { get; set; }
    /// <summary>
    /// A copy of the customer's owner, kept on every save (Persistence/OwnerCopies.cs), so that the day's birthdays of a
    /// scope are a short index range per owner instead of a seek into the customers for every contact born that day.
    /// </summary>
    public Guid CustomerOwnerId { get; set; }
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    public string? Mobile { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public DateOnly? Birthday { get; set; }
    /// <summary>The birthday's month and day (1118 for 18 November), kept on every save (Persistence/BirthdayMonthDays.cs).</summary>
    public int? BirthdayMonthDay { get; private set; }
    public bool IsPrimary { get; set; }
}
