using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>
/// Customers and contacts carry their birthday's month and day as a number (<see cref="Of"/>): today's birthdays of a
/// scope are then a seek on (OwnerId, BirthdayMonthDay) or (BirthdayMonthDay, CustomerId), where matching on the date's
/// month and day read every customer and contact of the scope (0.9 s for a team of 50,000 customers at 1M).
/// </summary>
public static class BirthdayMonthDays
{
    public static int? Of(DateOnly? birthday) => birthday is { } b ? MonthDayKey.Of(b) : null;

    /// <summary>
    /// Before every save, from the birthday as it is now. Every tracked row is looked at, whatever its state: the profile
    /// is an owned entry of its own, so the customer's state alone does not tell whether its birthday changed. Only a
    /// value that differs is set.
    /// </summary>
    internal static void Keep(CrmDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<Customer>())
            if (entry.State != EntityState.Deleted && Of(entry.Entity.Profile.Birthday) is var key && entry.Entity.BirthdayMonthDay != key)
                entry.Property(c => c.BirthdayMonthDay).CurrentValue = key;
        foreach (var entry in db.ChangeTracker.Entries<Contact>())
            if (entry.State != EntityState.Deleted && Of(entry.Entity.Birthday) is var key && entry.Entity.BirthdayMonthDay != key)
                entry.Property(c => c.BirthdayMonthDay).CurrentValue = key;
    }
}
