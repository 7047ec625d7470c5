using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Crm.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The real API as a child process (<c>dotnet Crm.Api.dll</c> from the build output) on a loopback port and a SQLite
/// file of the test's choosing, in Production mode, without demo data, with a bootstrap admin. For what an in-process
/// TestServer cannot show: being killed, being stopped with SIGTERM, Kestrel's own limits.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string AdminEmail = "admin@crash.test";
    public const string AdminPassword = "Crash-Test-2026";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ApiProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public string Output => string.Join('\n', _output);

    /// <summary>The API's build output next to this test's (same configuration), e.g. src/Crm.Api/bin/Release/net10.0/Crm.Api.dll.</summary>
    public static string DllPath
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // .../bin/<Configuration>/net10.0/
            var path = Path.Combine(Contract.OpenApiContractTests.RepositoryRoot(), "src", "Crm.Api", "bin", configuration, "net10.0", "Crm.Api.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"Build the API first (dotnet build -c {configuration}).", path);
        }
    }

    public static async Task<ApiProcess> StartAsync(string databaseFile, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { DllPath, "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = Path.GetDirectoryName(DllPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        foreach (var inherited in env.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("Crm__", StringComparison.Ordinal)).ToList())
            env.Remove(inherited);
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Database__Provider"] = "Sqlite";
        env["ConnectionStrings__Crm"] = $"Data Source={databaseFile}";
        env["Crm__Demo__Seed"] = "false";
        env["Crm__BootstrapAdmin__Email"] = AdminEmail;
        env["Crm__BootstrapAdmin__Password"] = AdminPassword;
        env["Crm__RateLimits__PerMinute"] = "1000000";
        env["Crm__RateLimits__SignInPerMinute"] = "1000";
        env["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        env["Logging__LogLevel__Microsoft.Extensions.Hosting"] = "Debug";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) env[key] = value;

        var process = new Process { StartInfo = start };
        var api = new ApiProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) api._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) api._output.Enqueue("stderr: " + e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await api.WaitUntilReadyAsync();
        return api;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(120); // generous: a loaded 2-core CI machine starts it slowly
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The API exited with {_process.ExitCode} before it was ready:\n{Output}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The API did not become ready within 120 seconds:\n{Output}");
    }

    public HttpClient NewClient() => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A client with the bootstrap admin's bearer token.</summary>
    public async Task<HttpClient> AdminAsync()
    {
        var client = NewClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = AdminEmail, password = AdminPassword });
        Assert.True(response.IsSuccessStatusCode, $"signing in failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a power cut for the process (not for the disk).</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as an orchestrator stops a container; returns the exit code.</summary>
    public void SendSigterm()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
