using System.Diagnostics;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Common;

/// <summary>The record does not exist, or is outside the caller's scope (the two are indistinguishable on purpose).</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>The request conflicts with the current state (a duplicate code, an illegal transition...).</summary>
public sealed class ConflictException(string message, IDictionary<string, object?>? extensions = null) : Exception(message)
{
    public IDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}

/// <summary>The caller is known but may not do this.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The credentials are wrong, expired or revoked.</summary>
public sealed class UnauthorizedException(string message) : Exception(message);

/// <summary>Too many attempts; the caller may retry after the given time.</summary>
public sealed class TooManyRequestsException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>If-Match named a version that is no longer current.</summary>
public sealed class PreconditionFailedException() : Exception("The record was changed by someone else. Reload it and apply your change again.");

/// <summary>An unsafe request arrived without If-Match.</summary>
public sealed class PreconditionRequiredException() : Exception("This request must carry an If-Match header with the record's ETag.");

/// <summary>
/// Turns every exception into an RFC 9457 problem response with type, title, status, detail and traceId.
/// Stack traces never leave the process outside Development.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger, IHostEnvironment env,
    IHostApplicationLifetime lifetime)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException v => Validation(v),
            BadHttpRequestException b => Problem(b.StatusCode, "Bad request", BadRequestDetail(b)),
            IllegalTransitionException t => WithExtensions(Problem(StatusCodes.Status409Conflict, "Illegal transition", t.Message), new Dictionary<string, object?> { ["allowed"] = t.Allowed }),
            DomainRuleException d => Problem(StatusCodes.Status409Conflict, "Rule violated", d.Message),
            NotFoundException n => Problem(StatusCodes.Status404NotFound, "Not found", n.Message),
            ConflictException c => WithExtensions(Problem(StatusCodes.Status409Conflict, "Conflict", c.Message), c.Extensions),
            UnauthorizedException u => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", u.Message),
            TooManyRequestsException t => Problem(StatusCodes.Status429TooManyRequests, "Too many requests", t.Message),
            ForbiddenException f => Problem(StatusCodes.Status403Forbidden, "Forbidden", f.Message),
            PreconditionFailedException p => Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", p.Message),
            // With If-Match the caller named a version and lost; without it two writers raced, and the caller may retry.
            DbUpdateConcurrencyException when http.Request.Headers.IfMatch.Count > 0 => Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", new PreconditionFailedException().Message),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "Concurrent change", "Someone changed the same record at the same moment; reload and try again."),
            PreconditionRequiredException r => Problem(StatusCodes.Status428PreconditionRequired, "Precondition required", r.Message),
            DbUpdateException { InnerException: SqliteException { SqliteErrorCode: 19 } } or DbUpdateException { InnerException: Microsoft.Data.SqlClient.SqlException { Number: 2601 or 2627 or 547 } }
                => Problem(StatusCodes.Status409Conflict, "Conflict", "The change conflicts with an existing record (a duplicate or a missing reference)."),
            _ when DatabaseFailures.IsStorageFull(exception) => Problem(StatusCodes.Status507InsufficientStorage, "Insufficient storage",
                "The database has no room for this change, so nothing was saved. Reading still works; try again once an operator has freed space."),
            _ when DatabaseFailures.IsUnavailable(exception) => Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
                "The database cannot be reached right now, so nothing was saved. Try again shortly."),
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => null,
            // Kestrel stops reading request bodies when the host shuts down: the caller may simply send it again.
            OperationCanceledException when lifetime.ApplicationStopping.IsCancellationRequested => Problem(StatusCodes.Status503ServiceUnavailable,
                "Service unavailable", "The server is restarting and did not finish reading this request, so nothing was saved. Send it again."),
            _ => null,
        };
        if (problem is null)
        {
            if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested) return true;
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "Internal server error",
                env.IsDevelopment() ? exception.ToString() : "An unexpected error occurred. Quote the traceId when reporting it.");
        }
        if (exception is TooManyRequestsException tooMany)
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(tooMany.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            http.Response.Headers.RetryAfter = "5";
        if (problem.Status >= 500 && problem.Status != StatusCodes.Status500InternalServerError)
            logger.LogWarning(exception, "Answered {Status} to {Method} {Path}: the database or the host is unavailable", problem.Status, http.Request.Method, http.Request.Path);
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>What was wrong with the body, without the server's type names (they are nobody's business outside).</summary>
    private static string BadRequestDetail(BadHttpRequestException b)
    {
        if (b.InnerException is not System.Text.Json.JsonException json) return b.Message;
        var unknown = System.Text.RegularExpressions.Regex.Match(json.Message, "^The JSON property '(.*?)' could not be mapped");
        var detail = unknown.Success
            ? $"The member '{unknown.Groups[1].Value}' is not part of this operation's body."
            : System.Text.RegularExpressions.Regex.Replace(json.Message, @"\b(?:Crm|System|Microsoft)(?:\.[A-Za-z0-9_`]+)+", m => m.Value[(m.Value.LastIndexOf('.') + 1)..]);
        return $"The request body is not valid JSON for this operation: {detail}";
    }

    private static ProblemDetails Validation(ValidationException v)
    {
        var errors = v.Errors.GroupBy(e => JsonName(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Validation failed",
            Detail = string.Join(" ", errors.SelectMany(e => e.Value).Take(5)),
            Type = ProblemTypes.For(StatusCodes.Status400BadRequest),
        };
    }

    /// <summary>Field names in problems match the JSON the caller sent (camelCase, dotted paths).</summary>
    internal static string JsonName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail, Type = ProblemTypes.For(status) };

    private static ProblemDetails WithExtensions(ProblemDetails p, IDictionary<string, object?> extensions)
    {
        foreach (var (key, value) in extensions) p.Extensions[key] = value;
        return p;
    }
}

public static class ProblemTypes
{
    public static string For(int status) => $"https://httpstatuses.io/{status}";

    /// <summary>Adds the traceId every problem carries and fills in a type where the framework left none.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        context.ProblemDetails.Type ??= For(context.ProblemDetails.Status ?? 500);
        context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        context.ProblemDetails.Detail ??= context.ProblemDetails.Title;
        context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
    }
}

/// <summary>A 400 with one field error, for rules a validator cannot check (they need the database or the network).</summary>
public static class Invalid
{
    public static FluentValidation.ValidationException Field(string field, string message) =>
        new([new FluentValidation.Results.ValidationFailure(field, message)]);
}
