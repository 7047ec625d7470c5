using Crm.Api.Common.Auth;
using Microsoft.OpenApi;

namespace Crm.Api.Common;

/// <summary>
/// The responses every operation can give besides its own: 429 (rate limit or sign-in lockout, with Retry-After),
/// 500 (an unexpected error, as a problem with a traceId), 400 wherever there is input to reject, and the
/// X-RateLimit-Limit header that RateLimits puts on every response.
/// </summary>
public static class OpenApiResponsesSetup
{
    private const string TooManyRequests = "TooManyRequests";
    private const string InternalServerError = "InternalServerError";
    private const string RetryAfter = "Retry-After";

    public static void Apply(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        document.Components.Headers[RateLimits.LimitHeader] = new OpenApiHeader
        {
            Description = "Requests a minute the caller may make here (per user, API key or, when anonymous, address; stricter for signing in).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        document.Components.Headers[RetryAfter] = new OpenApiHeader
        {
            Description = "Seconds to wait before trying again.",
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0",
                Maximum = ((int)AuthRegistration.LockoutDuration.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        document.Components.Responses[TooManyRequests] = new OpenApiResponse
        {
            Description = "Too many requests: the caller's rate limit was reached, or too many failed sign-ins locked the account.",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                [RetryAfter] = new OpenApiHeaderReference(RetryAfter, document),
                [RateLimits.LimitHeader] = new OpenApiHeaderReference(RateLimits.LimitHeader, document),
            },
            Content = Problem(document),
        };
        document.Components.Responses[InternalServerError] = new OpenApiResponse
        {
            Description = "An unexpected error; quote the traceId when reporting it.",
            Content = Problem(document),
        };

        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            operation.Responses ??= new OpenApiResponses();
            var takesInput = operation.RequestBody is not null
                || (operation.Parameters ?? []).Any(p => p.In == ParameterLocation.Query || p.Name == IdempotencyMiddleware.Header);
            if (takesInput && !operation.Responses.ContainsKey("400"))
                operation.Responses["400"] = new OpenApiResponse { Description = "Bad Request", Content = Problem(document) };
            operation.Responses["429"] = new OpenApiResponseReference(TooManyRequests, document);
            operation.Responses["500"] = new OpenApiResponseReference(InternalServerError, document);
            foreach (var (status, response) in operation.Responses.ToList())
            {
                if (response is not OpenApiResponse inline || !(status.StartsWith('2') || status.StartsWith('4'))) continue;
                inline.Headers ??= new Dictionary<string, IOpenApiHeader>();
                inline.Headers[RateLimits.LimitHeader] = new OpenApiHeaderReference(RateLimits.LimitHeader, document);
            }
        }
    }

    private static Dictionary<string, OpenApiMediaType> Problem(OpenApiDocument document) => new()
    {
        ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
    };
}
