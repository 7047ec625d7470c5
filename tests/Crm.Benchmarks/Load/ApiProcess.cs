using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Crm.Benchmarks.Load;

/// <summary>
/// The API as production runs it: the Release build as its own process on 127.0.0.1 only, Production environment,
/// logging at Warning, rate limits raised so that the load generator measures the API and not the limiter.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, Uri address, TimeSpan coldStart)
    {
        _process = process;
        Address = address;
        ColdStart = coldStart;
    }

    public Uri Address { get; }
    public TimeSpan ColdStart { get; }
    public int Id => _process.Id;

    public static async Task<ApiProcess> StartAsync(LoadSettings settings, TextWriter log)
    {
        if (!File.Exists(settings.ApiDll))
            throw new InvalidOperationException($"{settings.ApiDll} is missing: build first (dotnet build Crm.Api.sln -c Release).");
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        // A self-contained publish is started through its apphost (a path without .dll); a build or a framework-dependent
        // publish through dotnet.
        var apphost = !settings.ApiDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(apphost ? settings.ApiDll : "dotnet")
        {
            ArgumentList = { "--urls", address.ToString().TrimEnd('/'), "--contentRoot", Path.Combine(settings.Root, "src", "Crm.Api") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!apphost) info.ArgumentList.Insert(0, settings.ApiDll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Crm"] = $"Data Source={settings.Database}";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        info.Environment["Crm__RateLimits__PerMinute"] = "100000000";
        info.Environment["Crm__RateLimits__SignInPerMinute"] = "100000";
        info.Environment["Crm__Demo__Seed"] = "false";
        // Diagnosis only: every SQL command with its duration goes to api.log.
        if (settings.LogSql) info.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var logPath = Path.Combine(Path.GetDirectoryName(settings.Database)!, "api.log");
        var logFile = new StreamWriter(logPath) { AutoFlush = true };
        var started = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (logFile) logFile.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (logFile) logFile.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (started.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited) throw new InvalidOperationException($"The API exited with {process.ExitCode}; see {logPath}.");
            try
            {
                using var response = await probe.GetAsync(new Uri(address, "health/live"));
                if (response.IsSuccessStatusCode)
                {
                    var coldStart = started.Elapsed;
                    log.WriteLine($"  API pid {process.Id} on {address} answered after {coldStart.TotalMilliseconds:0} ms (log: {logPath})");
                    return new ApiProcess(process, address, coldStart);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or listening before the pipeline is ready.
            }
            await Task.Delay(10);
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"The API did not answer /health/live within 120 s; see {logPath}.");
    }

    /// <summary>Resident memory now and its peak, from /proc (Linux); zero elsewhere.</summary>
    public (double RssMb, double PeakMb) Memory()
    {
        var status = $"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status";
        if (!File.Exists(status)) return (0, 0);
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line) / 1024;
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kilobytes(line) / 1024;
        }
        return (rss, peak);
    }

    /// <summary>
    /// CPU time the API process has used so far (user + system, from /proc/PID/stat). Divided by the requests of a
    /// scenario it gives CPU per request, which a busy shared machine disturbs far less than throughput.
    /// </summary>
    public TimeSpan CpuTime()
    {
        var stat = $"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/stat";
        if (!File.Exists(stat)) return _process.TotalProcessorTime;
        // The command name in field 2 may contain spaces; the fields after its closing parenthesis are fixed.
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static double Kilobytes(string line) =>
        double.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

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
