namespace Crm.Api.Domain;

/// <summary>联系人: a person at the customer we talk to. Exactly one is the primary contact.</summary>
public class Contact : AuditedEntity
{
    public Guid CustomerId { get; set; }
    public Customer? Customer { get; set; }
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
