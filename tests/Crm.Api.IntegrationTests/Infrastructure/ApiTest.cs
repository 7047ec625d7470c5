using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Crm.Api.IntegrationTests.Infrastructure;

/// <summary>
/// Base of every HTTP test. Each test class runs once per database: a concrete "OnSqlite" class and an
/// "OnSqlServer" class that is skipped, with the reason, where no Docker engine answers.
/// </summary>
public abstract class ApiTest<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : CrmApp
{
    protected TApp App { get; } = app;
    protected static JsonSerializerOptions Json => CrmApp.Json;

    public virtual ValueTask InitializeAsync()
    {
        if (App.SkipReason is { } reason) Assert.Skip(reason);
        return ValueTask.CompletedTask;
    }

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected Task<HttpClient> As(Who who) => App.As(who);

    protected static async Task<T> Read<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    /// <summary>Every item of a keyset-paged list, following <c>nextCursor</c> from the first page to the last.</summary>
    protected static async Task<List<T>> AllPagesAsync<T>(HttpClient client, string url, Action<Crm.Api.Common.Page<T>>? eachPage = null)
    {
        var all = new List<T>();
        string? cursor = null;
        for (var pages = 0; pages < 1_000; pages++)
        {
            var page = await Read<Crm.Api.Common.Page<T>>(await client.GetAsync(url + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")));
            eachPage?.Invoke(page);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
            if (cursor is null) return all;
        }
        throw new InvalidOperationException($"{url} did not end within 1,000 pages");
    }

    protected static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        return problem;
    }

    protected static HttpRequestMessage WithIfMatch(HttpMethod method, string url, string? etag, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        if (body is not null) request.Content = JsonContent.Create(body, options: Json);
        return request;
    }
}
