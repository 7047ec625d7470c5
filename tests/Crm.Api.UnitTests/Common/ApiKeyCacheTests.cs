using Crm.Api.Common.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Api.UnitTests.Common;

/// <summary>A replica keeps the keys it found for a while, and never an unknown one.</summary>
public sealed class ApiKeyCacheTests
{
    private static readonly ApiKeyRecord Erp = new(Guid.NewGuid(), "ERP", "hash", null, null, null, ["customers:read"]);

    [Fact]
    public async Task A_found_key_is_read_once_while_it_is_kept()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero));
        var cache = new ApiKeyCache(clock, new ConfigurationBuilder().Build());
        var reads = 0;
        Task<ApiKeyRecord?> Read(CancellationToken _) { reads++; return Task.FromResult<ApiKeyRecord?>(Erp); }

        Assert.Same(Erp, await cache.GetAsync("0a1b2c3d", Read, CancellationToken.None));
        Assert.Same(Erp, await cache.GetAsync("0a1b2c3d", Read, CancellationToken.None));
        Assert.Equal(1, reads);

        clock.Advance(TimeSpan.FromSeconds(16));
        await cache.GetAsync("0a1b2c3d", Read, CancellationToken.None);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task An_unknown_key_is_not_kept_so_one_created_on_another_replica_works_at_once()
    {
        var cache = new ApiKeyCache(TimeProvider.System, new ConfigurationBuilder().Build());

        Assert.Null(await cache.GetAsync("0a1b2c3d", _ => Task.FromResult<ApiKeyRecord?>(null), CancellationToken.None));
        Assert.Same(Erp, await cache.GetAsync("0a1b2c3d", _ => Task.FromResult<ApiKeyRecord?>(Erp), CancellationToken.None));
    }
}
