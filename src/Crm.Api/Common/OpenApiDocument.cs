using Crm.Api.Common.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Crm.Api.Common;

/// <summary>
/// Shapes the generated OpenAPI document into the contract: info, the three security schemes, a security
/// requirement on every non-anonymous operation, and the 401/403 problems those operations can answer.
/// </summary>
public static class OpenApiDocumentSetup
{
    public const string CookieSchemeName = "cookieSession";
    public const string BearerSchemeName = "bearerToken";
    public const string ApiKeySchemeName = "apiKey";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "CRM API",
                Version = "v1",
                Description = "Customer management for sales and service organisations: customers, contacts, deals, users and access. "
                    + "Lists use cursor paging (limit, cursor → nextCursor); every resource has an ETag and writes need If-Match; "
                    + "errors are RFC 9457 problem details with a traceId.",
            };
            // One relative server: the document is the same for every deployment and is served by the API it describes.
            document.Servers =
            [
                new OpenApiServer
                {
                    Url = "/",
                    Description = "The origin that served this document (local, staging or production alike).",
                    Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(false) },
                },
            ];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                [CookieSchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "__Host-crm-session",
                    Description = "SPA session from POST /api/v1/auth/login. Unsafe methods also need the X-XSRF-TOKEN header.",
                },
                [BearerSchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                    Description = "Mobile access token from POST /api/v1/auth/token (15 minutes; renew with /api/v1/auth/refresh). "
                        + "A signed JWT handled as RFC8725 recommends: only HS256 is accepted, and issuer, audience and expiry are always checked.",
                },
                [ApiKeySchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = CrmClaims.ApiKeyHeader,
                    Description = "Integration key created by an admin, scoped per area (e.g. customers:read).",
                },
            };
            return Task.CompletedTask;
        });

        // Limits the validators enforce (lengths, ranges, list sizes) are declared on the properties and parameters they check.
        options.AddSchemaTransformer(OpenApiLimits.Apply);

        // Query parameters bound with [AsParameters] keep their C# names; the contract spells them in camelCase
        // like every JSON member (binding is case-insensitive, so both work).
        options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                if (parameter is { In: ParameterLocation.Query, Name.Length: > 0 } && char.IsUpper(parameter.Name[0]))
                    parameter.Name = char.ToLowerInvariant(parameter.Name[0]) + parameter.Name[1..];
            return Task.CompletedTask;
        });

        // Paging parameters, wherever a list takes them, are read through Paging.Limit and Keyset, which enforce these bounds,
        // unless a validator declared its own (delta sync pages up to 1000).
        options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter is not { In: ParameterLocation.Query, Schema: OpenApiSchema schema }) continue;
                if (parameter.Name == "limit" && schema.Maximum is null)
                    (schema.Minimum, schema.Maximum) = ("1", Paging.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
                else if (parameter.Name == "cursor")
                    schema.MaxLength ??= Paging.MaxCursorLength;
            }
            return Task.CompletedTask;
        });

        // Every problem carries a traceId, and validation problems the field errors.
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonPropertyInfo is null && context.JsonTypeInfo.Type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))
            {
                schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
                schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Quote it when reporting a problem." };
                schema.Properties["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Validation problems: the JSON field name and its messages.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                };
                schema.Properties["allowed"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String },
                    Description = "For an illegal transition: the states the record may move to.",
                };
            }
            return Task.CompletedTask;
        });

        // PUT and DELETE need the ETag the caller last saw.
        options.AddOperationTransformer((operation, context, _) =>
        {
            var method = context.Description.HttpMethod;
            if (method == "POST" && !context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyMiddleware.Header, In = ParameterLocation.Header, Required = false,
                    Description = "Makes the request safe to retry for 24 hours: the same key and body replay the first response; another body with the key is 422; a retry while the first runs is 409.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
                });
            }
            if (method is "PUT" or "DELETE")
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "If-Match", In = ParameterLocation.Header, Required = true,
                    Description = "The ETag from the last GET (e.g. \"3\"): 428 without it, 412 when the record changed since.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Preconditions.MaxIfMatchLength },
                });
            }
            return Task.CompletedTask;
        });

        // Response shapes (…Dto) always carry every non-nullable member, so generated clients need no optional checks.
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type.Name.EndsWith("Dto", StringComparison.Ordinal) && schema.Properties is { Count: > 0 })
            {
                schema.Required = new HashSet<string>(schema.Properties
                    .Where(p => p.Value is not OpenApiSchema { Type: { } type } || !type.HasFlag(JsonSchemaType.Null))
                    .Select(p => p.Key));
            }
            return Task.CompletedTask;
        });

        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any()) return Task.CompletedTask;
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieSchemeName, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchemeName, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeySchemeName, context.Document)] = [] },
            ];
            operation.Responses ??= new OpenApiResponses();
            foreach (var (status, description) in new[] { ("401", "Not signed in, or the credentials are invalid, expired or revoked."), ("403", "Signed in, but the role or key scope does not allow this.") })
            {
                if (operation.Responses.ContainsKey(status)) continue;
                operation.Responses[status] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
                    },
                };
            }
            return Task.CompletedTask;
        });

        // Runs last, over the finished document.
        options.AddDocumentTransformer((document, _, _) =>
        {
            OpenApiLimits.ApplyFormatLengths(document);
            OpenApiResponsesSetup.Apply(document);
            ClosedRequestBodies(document);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Request bodies, and every object they contain, reject members the schema does not name (the JSON options say
    /// UnmappedMemberHandling.Disallow: an unknown member is a 400), so their schemas say additionalProperties: false.
    /// </summary>
    private static void ClosedRequestBodies(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var visited = new HashSet<OpenApiSchema>(ReferenceEqualityComparer.Instance);
        void Close(IOpenApiSchema? candidate)
        {
            var schema = candidate switch
            {
                OpenApiSchemaReference { Reference.Id: { } id } when schemas.TryGetValue(id, out var target) => target as OpenApiSchema,
                OpenApiSchema inline => inline,
                _ => null,
            };
            if (schema is null || !visited.Add(schema)) return;
            if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Object) && schema.Properties is { Count: > 0 } && schema.AdditionalProperties is null)
                schema.AdditionalPropertiesAllowed = false;
            foreach (var property in schema.Properties?.Values ?? []) Close(property);
            Close(schema.Items);
            foreach (var part in (schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? [])) Close(part);
        }
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        foreach (var media in operation.RequestBody?.Content?.Values ?? [])
            Close(media.Schema);
    }
}
