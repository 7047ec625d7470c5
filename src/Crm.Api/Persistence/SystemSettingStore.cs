using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Persistence;

/// <summary>Values the system keeps for itself between runs (<see cref="SystemSetting"/>), written outside any tracked save.</summary>
internal static class SystemSettingStore
{
    /// <summary>
    /// Updates the setting in place, or inserts it when there is none yet. When two writers insert the same key at
    /// once, the second one's save fails with a <see cref="DbUpdateException"/>; the caller decides what that means.
    /// </summary>
    public static async Task WriteAsync(CrmDbContext db, string key, string value, CancellationToken ct)
    {
        if (await db.SystemSettings.Where(s => s.Key == key).ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, value), ct) > 0) return;
        db.SystemSettings.Add(new SystemSetting { Key = key, Value = value });
        await db.SaveChangesAsync(ct);
    }
}
