using System.Security.Cryptography;
using Crm.Api.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Common;

/// <summary>A creating POST remembered under its Idempotency-Key for 24 hours, per caller.</summary>
public class IdempotencyRecord
{
    public string CallerKey { get; set; } = "";
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int? StatusCode { get; set; }
    public byte[]? ResponseBody { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// Idempotency-Key on POST: the same key with the same body replays the first (successful) response byte for byte;
/// with a different body it is 422; while the first is still running it is 409. Keys belong to their caller and
/// live 24 hours. A failed first attempt is forgotten, so the client can retry it with the same key.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    /// <summary>How long a key is remembered: <c>Crm:Idempotency:KeepHours</c>, 24 by default.</summary>
    public static TimeSpan Lifetime(IConfiguration config) => TimeSpan.FromHours(config.GetValue("Crm:Idempotency:KeepHours", 24.0));

    public async Task InvokeAsync(HttpContext http, Caller caller, IServiceScopeFactory scopes, TimeProvider clock, IProblemDetailsService problems, IConfiguration config)
    {
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0 || !HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.StartsWithSegments("/api") || caller.ActorId is not { } actor)
        {
            await next(http);
            return;
        }
        if (key.Length > 100)
        {
            await Reject(http, problems, 400, "Bad Idempotency-Key", "An Idempotency-Key is at most 100 characters.");
            return;
        }

        http.Request.EnableBuffering();
        string hash;
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}\n"));
            var buffer = new byte[8192];
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0) sha.AppendData(buffer, 0, read);
            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }
        http.Request.Body.Position = 0;

        var callerKey = actor.ToString();
        var now = clock.GetUtcNow().UtcDateTime;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var existing = await db.IdempotencyRecords.FirstOrDefaultAsync(r => r.CallerKey == callerKey && r.Key == key, http.RequestAborted);
        if (existing is not null && existing.CreatedAt < now - Lifetime(config))
        {
            db.IdempotencyRecords.Remove(existing);
            await db.SaveChangesAsync(http.RequestAborted);
            existing = null;
        }
        if (existing is not null)
        {
            if (existing.StatusCode is null)
                await Reject(http, problems, 409, "Request in progress", "The first request with this Idempotency-Key is still being processed; retry shortly.");
            else if (existing.RequestHash != hash)
                await Reject(http, problems, 422, "Idempotency-Key reused", "This Idempotency-Key was used with a different request; use a new key for a new request.");
            else
                await Replay(http, existing);
            return;
        }

        var record = new IdempotencyRecord { CallerKey = callerKey, Key = key, RequestHash = hash, CreatedAt = now };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException)
        {
            await Reject(http, problems, 409, "Request in progress", "The first request with this Idempotency-Key is still being processed; retry shortly.");
            return;
        }

        var original = http.Response.Body;
        await using var captured = new MemoryStream();
        http.Response.Body = captured;
        try
        {
            await next(http);
        }
        catch
        {
            // The request failed (the exception handler further out answers it): forget the key so a retry can run.
            http.Response.Body = original;
            db.IdempotencyRecords.Remove(record);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }
        captured.Position = 0;
        await captured.CopyToAsync(original, http.RequestAborted);

        if (http.Response.StatusCode is >= 200 and < 300)
        {
            record.StatusCode = http.Response.StatusCode;
            record.ResponseBody = captured.ToArray();
            record.ContentType = http.Response.ContentType;
            record.Location = http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
            record.ETag = http.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null;
        }
        else
        {
            db.IdempotencyRecords.Remove(record);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static async Task Replay(HttpContext http, IdempotencyRecord record)
    {
        http.Response.StatusCode = record.StatusCode!.Value;
        if (record.ContentType is not null) http.Response.ContentType = record.ContentType;
        if (record.Location is not null) http.Response.Headers.Location = record.Location;
        if (record.ETag is not null) http.Response.Headers.ETag = record.ETag;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (record.ResponseBody is { Length: > 0 } body) await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    private static async Task Reject(HttpContext http, IProblemDetailsService problems, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = ProblemTypes.For(status) },
        });
    }
}
