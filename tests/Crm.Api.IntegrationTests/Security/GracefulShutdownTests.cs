using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Crm.Api.IntegrationTests.Security;

/// <summary>
/// SIGTERM (how an orchestrator stops a replica) lets the requests in flight finish, stops every background service
/// cleanly and exits with 0.
/// </summary>
public sealed class GracefulShutdownTestsOnSqlite : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "crm-shutdown", Guid.NewGuid().ToString("N"));

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A legitimate slow request: creating a customer while another process holds SQLite's write lock. The API's
    /// transaction waits (busy_timeout) inside the handler; SIGTERM arrives meanwhile; the lock is then released, and
    /// the request must still finish and commit before the process exits.
    /// </summary>
    [Fact]
    public async Task Sigterm_lets_the_request_in_flight_finish_stops_background_work_and_exits_with_0()
    {
        var database = Path.Combine(_directory, "crm.db");
        await using var api = await ApiProcess.StartAsync(database);
        var admin = await api.AdminAsync();

        var inFlight = default(Task<HttpResponseMessage>);
        await using (var blocker = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            blocker.Open();
            await using (var begin = blocker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                begin.ExecuteNonQuery();
            }
            inFlight = admin.PostAsJsonAsync("/api/v1/customers", new { name = "Created during shutdown", kind = "Company" });
            await Task.Delay(1000); // the request is now waiting for the write lock inside its transaction
            Assert.False(inFlight.IsCompleted, "the request should be waiting for the write lock");

            api.SendSigterm();
            await Task.Delay(1000); // shutdown is under way while the request waits
            Assert.False(api.HasExited, "the process must wait for the request in flight:\n" + api.Output);
            await using var commit = blocker.CreateCommand();
            commit.CommandText = "COMMIT";
            commit.ExecuteNonQuery();
        }

        var response = await inFlight.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var exitCode = await api.WaitForExitAsync(TimeSpan.FromSeconds(30));

        var output = api.Output;
        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{output}");
        Assert.Contains("Application is shutting down", output, StringComparison.Ordinal);
        Assert.Contains("Hosting stopped", output, StringComparison.Ordinal);
        var errors = output.Split('\n').Where(l => l.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || l.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal)
            || l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, "errors were logged while stopping:\n" + string.Join('\n', errors));

        // The change the request made was committed, not cut off.
        await using var again = await ApiProcess.StartAsync(database);
        var list = await (await again.AdminAsync()).GetFromJsonAsync<JsonElement>("/api/v1/customers?limit=200");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("name").GetString() == "Created during shutdown");
    }

    /// <summary>A body that arrives in two parts: the second only when the test says so.</summary>
    private sealed class SlowBody(string first, string rest, TaskCompletionSource firstSent, Task sendRest) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(first));
            await stream.FlushAsync();
            firstSent.SetResult();
            await sendRest;
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(rest));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = System.Text.Encoding.UTF8.GetByteCount(first) + System.Text.Encoding.UTF8.GetByteCount(rest);
            return true;
        }
    }

    /// <summary>
    /// Kestrel may stop reading a request body when the host stops, so an upload still arriving at SIGTERM may not finish.
    /// Its caller then gets a 503 problem to retry (or the connection closes), never a 500, and the process exits with 0.
    /// </summary>
    [Fact]
    public async Task An_upload_still_arriving_at_sigterm_is_told_to_retry_not_given_a_500()
    {
        var database = Path.Combine(_directory, "upload.db");
        await using var api = await ApiProcess.StartAsync(database);
        var admin = await api.AdminAsync();
        var firstSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sendRest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers")
        {
            Content = new SlowBody("{\"name\":\"Half uploaded\",", "\"kind\":\"Company\"}", firstSent, sendRest.Task),
        };
        request.Content.Headers.ContentType = new("application/json");
        var inFlight = admin.SendAsync(request);
        await firstSent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(300);

        api.SendSigterm();
        await Task.Delay(1000);
        sendRest.SetResult();
        try
        {
            // Either Kestrel still read the body and the request finished, or it had stopped reading: 503, retry.
            var response = await inFlight.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable,
                $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        catch (HttpRequestException)
        {
            // The connection closed before an answer: also a clear "try again" for an HTTP client.
        }
        var exitCode = await api.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{api.Output}");
        Assert.DoesNotContain("Unhandled exception", api.Output, StringComparison.Ordinal);
    }
}

/// <summary>
/// Every hosted service the app registers (today's and any added later, such as a webhook dispatcher) stops within the
/// host's shutdown timeout without throwing, and a background service's loop has really ended afterwards.
/// </summary>
public sealed class HostedServicesStopTestsOnSqlite(SqliteApp app) : ApiTest<SqliteApp>(app)
{
    [Fact]
    public async Task Every_hosted_service_stops_cleanly_within_the_shutdown_timeout()
    {
        var services = App.Services.GetServices<IHostedService>().ToList();
        Assert.NotEmpty(services);
        var timeout = App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostOptions>>().Value.ShutdownTimeout;
        Assert.True(timeout <= TimeSpan.FromSeconds(30), $"a shutdown timeout of {timeout} outlasts a typical orchestrator's grace period");
        foreach (var service in services.AsEnumerable().Reverse())
        {
            using var cancel = new CancellationTokenSource(timeout);
            var stopping = service.StopAsync(cancel.Token);
            var finished = await Task.WhenAny(stopping, Task.Delay(timeout + TimeSpan.FromSeconds(1)));
            Assert.True(finished == stopping, $"{service.GetType().FullName} did not stop within {timeout}");
            await stopping; // throws if stopping failed
            if (service is BackgroundService background && background.ExecuteTask is { } loop)
            {
                await Task.WhenAny(loop, Task.Delay(TimeSpan.FromSeconds(5)));
                Assert.True(loop.IsCompleted, $"{service.GetType().FullName} still runs after StopAsync");
                Assert.False(loop.IsFaulted, $"{service.GetType().FullName} ended with {loop.Exception}");
            }
        }
    }
}
