using System.Globalization;

namespace Crm.Api.Common;

/// <summary>Records that carry a version, shown to clients as an ETag.</summary>
public interface IVersioned
{
    long Version { get; }
}

/// <summary>ETag / If-Match / If-None-Match, from the record's Version.</summary>
public static class Preconditions
{
    /// <summary>An ETag is a quoted number; a longer If-Match can never match (412).</summary>
    public const int MaxIfMatchLength = 100;

    public static string ETagOf(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version named by If-Match; 428 when missing, 412 when unreadable (it can never match).</summary>
    public static long RequiredVersion(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) throw new PreconditionRequiredException();
        if (header.Length > MaxIfMatchLength) throw new PreconditionFailedException();
        var tag = header.Split(',')[0].Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal)) tag = tag[2..];
        tag = tag.Trim('"');
        return long.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : throw new PreconditionFailedException();
    }

    /// <summary>For state-changing POST actions If-Match is optional: checked when sent.</summary>
    public static long? OptionalVersion(HttpContext http) =>
        http.Request.Headers.IfMatch.Count > 0 ? RequiredVersion(http) : null;

    /// <summary>Throws 412 unless the record is still at the version the caller last saw.</summary>
    public static void EnsureVersion(long current, long expected)
    {
        if (current != expected) throw new PreconditionFailedException();
    }

    /// <summary>200 with an ETag, or 304 when the caller already holds this version.</summary>
    public static IResult Tagged<T>(HttpContext http, T body) where T : IVersioned
    {
        var etag = ETagOf(body.Version);
        http.Response.Headers.ETag = etag;
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Length > 0 && ifNoneMatch.Split(',').Select(t => t.Trim()).Any(t => t == etag || t == "W/" + etag || t == "*"))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(body);
    }

    public static IResult Created<T>(HttpContext http, string location, T body) where T : IVersioned
    {
        http.Response.Headers.ETag = ETagOf(body.Version);
        return TypedResults.Created(location, body);
    }
}
