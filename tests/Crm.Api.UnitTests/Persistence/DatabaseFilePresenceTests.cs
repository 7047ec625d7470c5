using Crm.Api.Persistence;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Api.UnitTests.Persistence;

/// <summary>
/// A kept-open SQLite connection is closed when its database file is gone; whether the file is there is looked at no
/// more than once per interval, and a file that went away is noticed once the interval has passed.
/// </summary>
public sealed class DatabaseFilePresenceTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("crm-presence-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_removed_file_is_noticed_once_the_interval_has_passed_and_not_looked_for_before()
    {
        var file = Path.Combine(directory, "crm.db");
        File.WriteAllText(file, "");
        var clock = new FakeTimeProvider();
        var presence = new DatabaseFilePresence(file, TimeSpan.FromSeconds(1), clock);

        Assert.True(presence.Present());
        File.Move(file, file + ".lost");
        clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.True(presence.Present()); // not looked at again yet
        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.False(presence.Present());

        File.Move(file + ".lost", file);
        Assert.False(presence.Present());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(presence.Present());
    }

    [Fact]
    public void With_no_interval_every_call_looks_at_the_file()
    {
        var file = Path.Combine(directory, "crm.db");
        File.WriteAllText(file, "");
        var presence = new DatabaseFilePresence(file, TimeSpan.Zero, new FakeTimeProvider());
        Assert.True(presence.Present());
        File.Delete(file);
        Assert.False(presence.Present());
    }

    [Fact]
    public void An_in_memory_database_has_no_file_to_lose() =>
        Assert.True(new DatabaseFilePresence(null, TimeSpan.Zero, new FakeTimeProvider()).Present());
}
