using System.Text.Json.Serialization;
using Crm.Api.Common.Auth;
using Microsoft.AspNetCore.Http.Json;

namespace Crm.Api.Common;

/// <summary>HTTP conventions shared by every area: JSON, problems, OpenAPI, limits.</summary>
public static class ApiRegistration
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IServiceCollection AddCrmHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            // Numbers are numbers: "42" is not accepted for a quantity, and the contract says integer, not integer|string.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // Binding failures (bad JSON, unknown members, wrong types) throw, so they get the same problem shape as the rest.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            o.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            o.AddServerHeader = false;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTypes.Customize);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi("v1", OpenApiDocumentSetup.Configure);
        services.AddSingleton<OpenApiLimits>();
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        // Cross-origin callers only from configured origins (Crm:Cors:Origins); none by default.
        services.AddCors(o => o.AddDefaultPolicy(p => p
            .WithOrigins(configuration.GetSection("Crm:Cors:Origins").Get<string[]>() ?? [])
            .AllowAnyHeader().AllowAnyMethod().AllowCredentials()));
        services.AddScoped<Caller>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    public static WebApplication UseCrmPipeline(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue("Crm:SwaggerUi", false))
            app.UseSwaggerUI(o =>
            {
                o.SwaggerEndpoint("/openapi/v1.json", "CRM API v1");
                o.RoutePrefix = "swagger";
                o.DocumentTitle = "CRM API";
            });
        // The built SPA (wwwroot, copied by scripts/build-web.sh) is served from the same origin, anonymously.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseCors();
        app.UseAuthentication();
        app.UseMiddleware<CallerMiddleware>();
        app.UseCrmRateLimits();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.yaml").AllowAnonymous();
        // Client-side routes fall back to the SPA's index.html; unknown API paths stay 404 problems, and paths that
        // look like files (/assets/app.js) are left to the static files so they are never answered with the HTML page.
        app.MapFallbackToFile("{*path:nonfile:regex(^(?!api/|openapi/|health/|swagger).*$)}", "index.html").AllowAnonymous();
        return app;
    }
}
