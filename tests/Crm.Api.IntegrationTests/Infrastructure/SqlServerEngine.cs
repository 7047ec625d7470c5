using Testcontainers.MsSql;

namespace Crm.Api.IntegrationTests.Infrastructure;

/// <summary>
/// One SQL Server 2022 container for the whole run, started through Testcontainers when a Docker engine answers.
/// Where none does (this machine), every SQL Server test is reported as skipped with the reason.
/// </summary>
public sealed class SqlServerEngine
{
    public static readonly Lazy<Task<SqlServerEngine>> Shared = new(StartAsync);

    public string? ConnectionString { get; private init; }
    public string? SkipReason { get; private init; }

    private static async Task<SqlServerEngine> StartAsync()
    {
        var dockerHost = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (string.IsNullOrEmpty(dockerHost) && !File.Exists("/var/run/docker.sock"))
            return new SqlServerEngine { SkipReason = "SQL Server suite skipped: no Docker engine answers (no DOCKER_HOST and no /var/run/docker.sock), so Testcontainers cannot start SQL Server 2022." };
        try
        {
            var container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await container.StartAsync(timeout.Token);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return new SqlServerEngine { ConnectionString = container.GetConnectionString() };
        }
        catch (Exception e)
        {
            return new SqlServerEngine { SkipReason = $"SQL Server suite skipped: the Docker engine did not start SQL Server 2022 ({e.GetType().Name}: {e.Message})." };
        }
    }
}
