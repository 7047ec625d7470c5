using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Crm.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Api.Persistence;

/// <summary>
/// The rows the save hooks derive from a change: search terms, audit lines, change-log entries, outbox events and their
/// webhook deliveries. They are written right after the change, in the same transaction, as multi-row INSERTs rather
/// than as tracked entities. An import batch of 1,000 customers derives about 20,000 of them, and EF Core tracking and
/// inserting those one statement at a time was most of the batch's time; a single customer create still derived ~20
/// single-row statements. Nothing reads them back in the same unit of work, so they need no tracking.
/// </summary>
internal sealed class DerivedRows
{
    private readonly List<(Guid CustomerId, Guid SourceId)> staleTermSources = [];
    private readonly List<CustomerSearchTerm> terms = [];
    private readonly List<AuditEntry> audit = [];
    private readonly List<ChangeRecord> changes = [];
    private readonly List<OutboxEvent> events = [];
    private readonly List<WebhookDelivery> deliveries = [];

    public bool IsEmpty => staleTermSources.Count + terms.Count + audit.Count + changes.Count + events.Count + deliveries.Count == 0;

    /// <summary>
    /// The search terms taken from these customers and contacts are out of date: they go before the new ones are written.
    /// Each source is named with the customer its terms were written for (a moved contact's previous customer).
    /// </summary>
    public void ReplaceTermsOf(IEnumerable<(Guid CustomerId, Guid SourceId)> sources) => staleTermSources.AddRange(sources);

    public void Add(CustomerSearchTerm term) => terms.Add(term);
    public void Add(AuditEntry entry) => audit.Add(entry);
    public void Add(ChangeRecord change) => changes.Add(change);
    public void Add(OutboxEvent outboxEvent) => events.Add(outboxEvent);
    public void Add(WebhookDelivery delivery) => deliveries.Add(delivery);

    public void Clear()
    {
        staleTermSources.Clear();
        terms.Clear();
        audit.Clear();
        changes.Clear();
        events.Clear();
        deliveries.Clear();
    }

    /// <summary>Writes everything derived so far inside the current transaction and forgets it; returns the rows written.</summary>
    public async Task<int> WriteAsync(CrmDbContext db, CancellationToken ct)
    {
        var written = 0;
        foreach (var chunk in staleTermSources.Distinct().Chunk(500))
        {
            // Every term of a source carries the one customer it was written for, so matching customer and source
            // separately deletes exactly these sources' terms, through the (CustomerId, SourceId) index.
            var customers = chunk.Select(s => s.CustomerId).Distinct().ToList();
            var sources = chunk.Select(s => s.SourceId).ToList();
            written += await db.CustomerSearchTerms.IgnoreQueryFilters()
                .Where(t => EF.Parameter(customers).Contains(t.CustomerId) && EF.Parameter(sources).Contains(t.SourceId)).ExecuteDeleteAsync(ct);
        }
        written += db.Database.IsSqlite() ? await WriteTermsOnSqliteAsync(db, ct) : await BulkInsert.WriteAsync(db, terms, ct);
        written += await BulkInsert.WriteAsync(db, audit, ct);
        // In list order, so change numbers follow the order the changes were captured in.
        written += await BulkInsert.WriteAsync(db, changes, ct);
        // Events before their deliveries (foreign key).
        written += await BulkInsert.WriteAsync(db, events, ct);
        written += await BulkInsert.WriteAsync(db, deliveries, ct);
        Clear();
        return written;
    }

    /// <summary>
    /// One statement per customer or contact, its terms passed as one JSON array: a source has about 16 terms, and
    /// binding them one parameter each (SQLite finds a parameter by name with a linear search) was a quarter of an
    /// import's time. The two ids are bound through EF Core's own parameters, so they are stored as EF Core stores them.
    /// </summary>
    private async Task<int> WriteTermsOnSqliteAsync(CrmDbContext db, CancellationToken ct)
    {
        if (terms.Count == 0) return 0;
        var entity = db.Model.FindEntityType(typeof(CustomerSearchTerm))!;
        var table = entity.GetTableName()!;
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table)} ({Column(nameof(CustomerSearchTerm.CustomerId))}, {Column(nameof(CustomerSearchTerm.SourceId))}, "
            + $"{Column(nameof(CustomerSearchTerm.OwnerId))}, {Column(nameof(CustomerSearchTerm.Term))}) SELECT @customer, @source, @owner, value FROM json_each(@terms)";
        var guid = (RelationalTypeMapping)entity.FindProperty(nameof(CustomerSearchTerm.SourceId))!.GetTypeMapping();
        var customer = guid.CreateParameter(command, "@customer", Guid.Empty, nullable: false);
        var source = guid.CreateParameter(command, "@source", Guid.Empty, nullable: false);
        var owner = guid.CreateParameter(command, "@owner", Guid.Empty, nullable: false);
        var list = command.CreateParameter();
        list.ParameterName = "@terms";
        command.Parameters.Add(customer);
        command.Parameters.Add(source);
        command.Parameters.Add(owner);
        command.Parameters.Add(list);
        await command.PrepareAsync(ct);
        var written = 0;
        // The hooks add a source's terms together, so consecutive runs of one source are one statement each.
        var start = 0;
        for (var i = 1; i <= terms.Count; i++)
        {
            if (i < terms.Count && terms[i].SourceId == terms[start].SourceId && terms[i].CustomerId == terms[start].CustomerId) continue;
            customer.Value = BulkInsert.ProviderValue(guid, terms[start].CustomerId);
            source.Value = BulkInsert.ProviderValue(guid, terms[start].SourceId);
            owner.Value = BulkInsert.ProviderValue(guid, terms[start].OwnerId);
            list.Value = System.Text.Json.JsonSerializer.Serialize(terms.GetRange(start, i - start).Select(t => t.Term));
            written += await command.ExecuteNonQueryAsync(ct);
            start = i;
        }
        return written;
    }
}

/// <summary>
/// Multi-row INSERT of entities, each value converted and bound the way EF Core binds it (the column's own type
/// mapping), so a row reads back the same as one EF Core wrote. Columns come from the table, so an owned type kept in
/// the owner's table (a customer's profile) is written with it; a key the database generates (identity,
/// AUTOINCREMENT) is left to the database. Statements are kept small (at most 64 parameters, or one row of a wider
/// table) and prepared once per call and size: SQLite finds each named parameter by a linear search of the statement's
/// names, so binding costs grow with the square of a statement's size. 250 parameters put that search at 6% of an
/// import's CPU; 64 cut the import's CPU by about a tenth.
/// </summary>
internal static class BulkInsert
{
    private const int ParametersPerStatement = 64;

    private sealed record Column(string Name, RelationalTypeMapping Mapping, bool Nullable, Func<object, object?> ValueOf);

    private sealed record Shape(string Prefix, Column[] Columns);

    private static readonly ConcurrentDictionary<(Type Context, Type Entity), Shape> Shapes = new();

    /// <summary>
    /// Inserts tracked new entities and marks them (and the owned parts in their row) unchanged, so the rest of the
    /// save leaves them alone. Only for entities whose every row is new, so no delete or update of this save can
    /// collide with them.
    /// </summary>
    /// <param name="written">Collects the entries marked unchanged, so that a save failing later can mark them added again.</param>
    public static async Task<int> WriteAddedAsync<T>(CrmDbContext db, IReadOnlyList<EntityEntry<T>> entries, List<EntityEntry> written, CancellationToken ct) where T : class
    {
        var rows = await WriteAsync(db, entries.Select(e => e.Entity).ToList(), ct);
        foreach (var entry in entries)
        {
            foreach (var owned in entry.References.Where(r => r.Metadata.TargetEntityType.IsOwned() && r.TargetEntry is { State: EntityState.Added }))
                if (owned.Metadata.TargetEntityType.GetTableName() == entry.Metadata.GetTableName()) MarkWritten(owned.TargetEntry!);
            MarkWritten(entry);
        }
        return rows;

        void MarkWritten(EntityEntry entry)
        {
            entry.State = EntityState.Unchanged;
            written.Add(entry);
        }
    }

    public static async Task<int> WriteAsync<T>(CrmDbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return 0;
        var shape = Shapes.GetOrAdd((db.GetType(), typeof(T)), _ => ShapeOf(db, typeof(T)));
        var perStatement = Math.Max(1, ParametersPerStatement / shape.Columns.Length);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // SQL Server sizes a string parameter by its first value and would cut a longer one bound later: a fresh
        // statement per chunk there. SQLite sizes it by the column alone.
        var reuse = !db.Database.IsSqlServer();
        DbCommand? full = null;
        try
        {
            var written = 0;
            foreach (var chunk in rows.Chunk(perStatement))
            {
                // Every chunk but the last has the full size: the first one's statement is prepared and re-bound for the others.
                if (reuse && chunk.Length == perStatement)
                {
                    if (full is null)
                    {
                        full = Command(connection, transaction, shape, chunk);
                        await full.PrepareAsync(ct);
                    }
                    else Bind(full, shape, chunk);
                    written += await full.ExecuteNonQueryAsync(ct);
                    continue;
                }
                await using var command = Command(connection, transaction, shape, chunk);
                written += await command.ExecuteNonQueryAsync(ct);
            }
            return written;
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
        }
    }

    private static DbCommand Command<T>(DbConnection connection, DbTransaction? transaction, Shape shape, T[] chunk) where T : class
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder(shape.Prefix);
        for (var r = 0; r < chunk.Length; r++)
        {
            sql.Append(r == 0 ? "(" : ",(");
            for (var c = 0; c < shape.Columns.Length; c++)
            {
                var column = shape.Columns[c];
                var name = "@p" + command.Parameters.Count;
                sql.Append(c == 0 ? name : "," + name);
                command.Parameters.Add(column.Mapping.CreateParameter(command, name, column.ValueOf(chunk[r]), column.Nullable));
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        return command;
    }

    private static void Bind<T>(DbCommand command, Shape shape, T[] chunk) where T : class
    {
        var i = 0;
        foreach (var row in chunk)
            foreach (var column in shape.Columns)
            {
                var value = column.ValueOf(row);
                command.Parameters[i++].Value = ProviderValue(column.Mapping, value) ?? DBNull.Value;
            }
    }

    /// <summary>A value as the column's EF Core mapping hands it to the provider, for re-binding a parameter that mapping created.</summary>
    public static object? ProviderValue(RelationalTypeMapping mapping, object? value) =>
        mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;

    private static Shape ShapeOf(CrmDbContext db, Type type)
    {
        var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var table = entityType.GetTableMappings().Single().Table;
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = new List<Column>();
        foreach (var column in table.Columns)
        {
            // The entity's own property, or else one of an owned type sharing the row (reached through its navigation).
            var mapping = column.PropertyMappings.FirstOrDefault(m => m.Property.DeclaringType == entityType)
                ?? column.PropertyMappings.FirstOrDefault(m => m.Property.DeclaringType is IEntityType owned && owned.IsOwned() && owned.FindOwnership()!.PrincipalEntityType == entityType)
                ?? throw new NotSupportedException($"{type.Name}: column {column.Name} belongs to no property this writer can read.");
            var property = mapping.Property;
            if (property.IsPrimaryKey() && property.DeclaringType == entityType && property.ValueGenerated.HasFlag(ValueGenerated.OnAdd)) continue;
            if (property.IsShadowProperty()) throw new NotSupportedException($"{type.Name}: shadow property {property.Name} cannot be read from the entity.");
            var getter = property.GetGetter();
            Func<object, object?> valueOf = getter.GetClrValueUsingContainingEntity;
            if (property.DeclaringType != entityType)
            {
                var navigation = ((IEntityType)property.DeclaringType).FindOwnership()!.PrincipalToDependent!.GetGetter();
                valueOf = entity => navigation.GetClrValueUsingContainingEntity(entity) is { } part ? getter.GetClrValue(part) : null;
            }
            columns.Add(new Column(column.Name, (RelationalTypeMapping)mapping.TypeMapping, column.IsNullable, valueOf));
        }
        var prefix = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";
        return new Shape(prefix, columns.ToArray());
    }
}
