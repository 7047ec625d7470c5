using System.Net;
using System.Net.Http.Json;
using Crm.Api.IntegrationTests.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests.Security;

public sealed class SecurityHeaderTestsOnSqlite(SqliteApp app) : ApiTest<SqliteApp>(app)
{
    [Fact]
    public async Task Api_responses_are_not_cached_or_sniffed_and_the_spa_gets_a_content_security_policy_without_inline_script()
    {
        var api = await (await As(Who.Rep1)).GetAsync("/api/v1/customers");
        Assert.Equal("no-store", api.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", api.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", api.Headers.GetValues("X-Frame-Options").Single());

        var spa = await App.NewClient().GetAsync("/customers/some-client-route");
        var csp = spa.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        var scriptSource = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scriptSource, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_responses_outside_development_carry_a_one_year_hsts_header()
    {
        // HSTS is never sent to localhost, so the request names a real host.
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://crm.example") });
        var response = await client.GetAsync("/health/live");
        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
        Assert.Contains("includeSubDomains", hsts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_cross_origin_caller_is_allowed_by_default()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/customers");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        var response = await App.NewClient().SendAsync(request);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_spa_page_has_no_inline_script_so_the_policy_can_forbid_it()
    {
        var root = Contract.OpenApiContractTests.RepositoryRoot();
        var pages = new[] { Path.Combine(root, "web", "index.html"), Path.Combine(root, "src", "Crm.Api", "wwwroot", "index.html") }.Where(File.Exists).ToList();
        Assert.NotEmpty(pages);
        foreach (var page in pages) AssertNoInlineScript(page, await File.ReadAllTextAsync(page));

        // When the SPA is built into wwwroot, the page the API serves is checked too, with its policy.
        if (pages.Count > 1)
        {
            var served = await App.NewClient().GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            AssertNoInlineScript("GET /", await served.Content.ReadAsStringAsync());
            Assert.Contains("script-src 'self'", served.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    private static void AssertNoInlineScript(string where, string html)
    {
        foreach (System.Text.RegularExpressions.Match script in System.Text.RegularExpressions.Regex.Matches(html, @"<script\b([^>]*)>(.*?)</script>",
                     System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.IgnoreCase))
        {
            Assert.True(script.Groups[1].Value.Contains("src=", StringComparison.OrdinalIgnoreCase), $"{where}: a script without src: {script.Value}");
            Assert.True(string.IsNullOrWhiteSpace(script.Groups[2].Value), $"{where}: inline script: {script.Value}");
        }
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>The API as production runs it, plus a pipeline step that fails on request, to see what a 500 reveals.</summary>
public sealed class ProductionSqliteApp : SqliteApp
{
    public const string ExplodeHeader = "X-Test-Explode";
    public const string Secret = "Password=hunter2 internal detail";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services =>
        {
            services.AddHttpContextAccessor();
            services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ExplodingBehavior<,>));
        });
    }

    private sealed class ExplodingBehavior<TRequest, TResponse>(IHttpContextAccessor http) : IPipelineBehavior<TRequest, TResponse>
    {
        public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
            http.HttpContext?.Request.Headers.ContainsKey(ExplodeHeader) == true ? throw new InvalidOperationException(Secret) : next();
    }
}

public sealed class ProductionConfigurationTestsOnSqlite(ProductionSqliteApp app) : ApiTest<ProductionSqliteApp>(app)
{
    [Fact]
    public async Task Swagger_ui_is_off_in_production()
    {
        foreach (var path in new[] { "/swagger", "/swagger/index.html", "/swagger/index.js" })
        {
            var response = await App.NewClient().GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("swagger-ui", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task An_unexpected_error_is_a_500_problem_without_details_or_stack_trace()
    {
        var rep = await As(Who.Rep1);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/customers");
        request.Headers.Add(ProductionSqliteApp.ExplodeHeader, "1");
        var response = await rep.SendAsync(request);
        var problem = await Problem(response, HttpStatusCode.InternalServerError);
        var text = problem.ToString();
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Crm.", text, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_session_cookie_is_host_only_secure_http_only_and_same_site_strict()
    {
        var login = await App.NewClient().PostAsJsonAsync("/api/v1/auth/login", new { email = CrmApp.EmailOf(Who.Rep1), password = CrmApp.Password }, Json);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var session = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-crm-session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", session, StringComparison.Ordinal);
        Assert.Contains("httponly", session, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", session, StringComparison.Ordinal);
        Assert.Contains("path=/", session, StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", session, StringComparison.Ordinal);
    }
}

/// <summary>The API with one trusted browser origin configured.</summary>
public sealed class CorsSqliteApp : SqliteApp
{
    public const string Trusted = "https://portal.example";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Crm:Cors:Origins:0", Trusted);
    }
}

public sealed class CorsTestsOnSqlite(CorsSqliteApp app) : ApiTest<CorsSqliteApp>(app)
{
    private async Task<HttpResponseMessage> Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/customers");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-xsrf-token");
        return await App.NewClient().SendAsync(request);
    }

    [Fact]
    public async Task Only_a_configured_origin_may_call_from_the_browser()
    {
        var trusted = await Preflight(CorsSqliteApp.Trusted);
        Assert.Equal(CorsSqliteApp.Trusted, trusted.Headers.GetValues("Access-Control-Allow-Origin").Single());

        foreach (var origin in new[] { "https://evil.example", "https://portal.example.evil.example", "http://portal.example", "null" })
            Assert.False((await Preflight(origin)).Headers.Contains("Access-Control-Allow-Origin"), origin);
    }
}

/// <summary>
/// Kestrel's limits (ApiRegistration): request bodies up to 1 MiB, request headers up to 32 KiB. TestServer does not
/// enforce them, so this runs the real server as a child process.
/// </summary>
public sealed class KestrelLimitTestsOnSqlite : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "crm-limits", Guid.NewGuid().ToString("N"));
    private ApiProcess? _api;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _api = await ApiProcess.StartAsync(Path.Combine(_directory, "crm.db"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_refused_with_413()
    {
        var admin = await _api!.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/customers", new { name = "Too big", kind = "Company", address = new string('x', 1_100_000) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/customers")).StatusCode);
    }

    [Fact]
    public async Task Headers_over_32_kibibytes_are_refused_with_431()
    {
        using var client = _api!.NewClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Padding", new string('x', 40_000));
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
