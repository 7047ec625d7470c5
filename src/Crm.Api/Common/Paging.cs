using System.Linq.Expressions;
using System.Text;
using System.Text.Json;

namespace Crm.Api.Common;

/// <summary>One page of a list. <c>nextCursor</c> is absent on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Paging parameters every list accepts: limit (default 50, max 200, checked by <see cref="Limit"/>) and an opaque
/// cursor (at most <see cref="MaxCursorLength"/> characters, checked by <see cref="Keyset{T}"/>).
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Room for the longest sort key a cursor carries: a 200-character name, JSON-escaped, in base64url.</summary>
    public const int MaxCursorLength = 2048;

    public static int Limit(int? requested) => requested switch
    {
        null => DefaultLimit,
        < 1 or > MaxLimit => throw new FluentValidation.ValidationException(
            [new FluentValidation.Results.ValidationFailure("limit", $"limit must be between 1 and {MaxLimit}.")]),
        _ => requested.Value,
    };
}

/// <summary>
/// Keyset paging: the cursor holds the last row's sort key and id, and the next page starts strictly after it.
/// A deep page costs the same as the first because it is an index seek, not an OFFSET.
/// </summary>
public sealed class Keyset<T>(IQueryable<T> source, Expression<Func<T, Guid>> id)
{
    public async Task<Page<TOut>> PageAsync<TKey, TOut>(
        Expression<Func<T, TKey>> sortKey, bool descending, string? cursor, int limit,
        Func<IQueryable<T>, IQueryable<TOut>> project, Func<TOut, (TKey Key, Guid Id)> keyOf, CancellationToken ct)
    {
        var query = source;
        if (cursor is not null)
        {
            var (lastKey, lastId) = Cursor.Decode<TKey>(cursor);
            query = query.Where(After(sortKey, descending, lastKey, lastId));
        }
        query = descending
            ? query.OrderByDescending(sortKey).ThenByDescending(id)
            : query.OrderBy(sortKey).ThenBy(id);
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(project(query.Take(limit + 1)), ct);
        if (rows.Count <= limit) return new Page<TOut>(rows, null);
        rows.RemoveAt(limit);
        var (key, lastRowId) = keyOf(rows[^1]);
        return new Page<TOut>(rows, Cursor.Encode(key, lastRowId));
    }

    private Expression<Func<T, bool>> After<TKey>(Expression<Func<T, TKey>> sortKey, bool descending, TKey lastKey, Guid lastId)
    {
        var row = sortKey.Parameters[0];
        var key = sortKey.Body;
        var idBody = new ReplaceParameter(id.Parameters[0], row).Visit(id.Body);
        var keyValue = Constant(lastKey, typeof(TKey));
        var idValue = Constant(lastId, typeof(Guid));
        var beyondKey = Compare(key, keyValue, descending);
        var sameKey = Expression.Equal(key, keyValue);
        var beyondId = Compare(idBody, idValue, descending);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(beyondKey, Expression.AndAlso(sameKey, beyondId)), row);
    }

    /// <summary>Values go in as closures so EF Core sends them as parameters and caches one plan per sort.</summary>
    private static Expression Constant(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(KeysetValue<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), "Value");
    }

    private static Expression Compare(Expression left, Expression right, bool descending)
    {
        if (left.Type == typeof(string) || left.Type == typeof(Guid))
        {
            var compare = left.Type == typeof(string)
                ? Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right)
                : Expression.Call(left, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, right);
            return descending ? Expression.LessThan(compare, Expression.Constant(0)) : Expression.GreaterThan(compare, Expression.Constant(0));
        }
        return descending ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);
    }
}

/// <summary>Puts an expression where a lambda's parameter was, to compose one lambda's body into another's.</summary>
internal sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
}

/// <summary>The opaque cursor: the last row's sort key and id as URL-safe base64 of a small JSON object.</summary>
public static class Cursor
{
    public static string Encode<TKey>(TKey key, Guid lastId) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new CursorPayload<TKey>(key, lastId)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (TKey Key, Guid Id) Decode<TKey>(string cursor)
    {
        try
        {
            if (cursor.Length > Paging.MaxCursorLength) throw new FormatException();
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var payload = JsonSerializer.Deserialize<CursorPayload<TKey>>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)))
                ?? throw new FormatException();
            return (payload.K, payload.I);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            throw new FluentValidation.ValidationException(
                [new FluentValidation.Results.ValidationFailure("cursor", "The cursor is not valid for this list and sort; start again without it.")]);
        }
    }

    private sealed record CursorPayload<TKey>(TKey K, Guid I);
}

internal sealed class KeysetValue<TValue>(TValue value)
{
    public TValue Value { get; } = value;
}
