using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.Api.Persistence;

/// <summary>Everything is stored in UTC; values read back are marked UTC so JSON carries the trailing Z.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
