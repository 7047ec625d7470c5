using System.Globalization;
using System.Threading.RateLimiting;
using Crm.Api.Common.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Crm.Api.Common;

/// <summary>
/// Token buckets per caller (user, API key, or address when anonymous): <c>Crm:RateLimits:PerMinute</c> requests a
/// minute (default 600), and a stricter bucket per address for signing in (<c>Crm:RateLimits:SignInPerMinute</c>,
/// default 10). Every response says the caller's limit in X-RateLimit-Limit; refusals are 429 problems with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string LimitHeader = "X-RateLimit-Limit";

    public static IServiceCollection AddCrmRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Crm:RateLimits:PerMinute", 600);
        var signInPerMinute = configuration.GetValue("Crm:RateLimits:SignInPerMinute", 10);
        services.AddSingleton(new RateLimitSettings(perMinute, signInPerMinute));
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetTokenBucketLimiter(PartitionOf(http), _ => Bucket(perMinute)));
            o.AddPolicy(SignIn, http => RateLimitPartition.GetTokenBucketLimiter("sign-in:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => Bucket(signInPerMinute)));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = 429, Title = "Too many requests", Type = ProblemTypes.For(429),
                        Detail = $"The rate limit was reached; retry after {(int)Math.Ceiling(retryAfter.TotalSeconds)} seconds.",
                    },
                });
            };
        });
        return services;
    }

    /// <summary>The limiter, and on every response (refusals included) the limit that applies to the caller here.</summary>
    public static IApplicationBuilder UseCrmRateLimits(this IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<RateLimitSettings>();
        app.Use((http, next) =>
        {
            // Read now: the exception handler forgets the endpoint before it writes a problem.
            var signIn = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == SignIn;
            var limit = (signIn ? settings.SignInPerMinute : settings.PerMinute).ToString(CultureInfo.InvariantCulture);
            http.Response.OnStarting(() =>
            {
                http.Response.Headers[LimitHeader] = limit;
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app.UseRateLimiter();
    }

    private static TokenBucketRateLimiterOptions Bucket(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = Math.Max(1, perMinute / 6),
        ReplenishmentPeriod = TimeSpan.FromSeconds(10),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>Each user and each API key has its own bucket; anonymous callers share one per address.</summary>
    private static string PartitionOf(HttpContext http)
    {
        var subject = http.User.FindFirst(CrmClaims.Subject)?.Value;
        return subject is not null
            ? $"{http.User.FindFirst(CrmClaims.Source)?.Value}:{subject}"
            : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}

/// <summary>Requests a minute per caller, and per address for signing in.</summary>
public sealed record RateLimitSettings(int PerMinute, int SignInPerMinute);
