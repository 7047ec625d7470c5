using System.Runtime.CompilerServices;

namespace Crm.Api.IntegrationTests.Infrastructure;

internal static class ApiModuleFirst
{
    /// <summary>
    /// In the API's process its own code runs before any connection opens, and the SQLite library takes its process-wide
    /// settings only then (Crm.Api.Persistence.SqliteLibrary). Here tests that open SQLite by hand may run before any API
    /// code, so the API's module initialisers run when this assembly loads, as they would before the API's Main.
    /// </summary>
    [ModuleInitializer]
    internal static void RunApiModuleInitialisers() =>
        RuntimeHelpers.RunModuleConstructor(typeof(Crm.Api.Persistence.CrmDbContext).Module.ModuleHandle);
}
