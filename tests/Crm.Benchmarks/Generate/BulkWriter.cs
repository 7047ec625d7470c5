using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Crm.Benchmarks.Generate;

/// <summary>
/// One prepared INSERT per table, executed row by row inside large transactions. Prepared single-row inserts are
/// as fast as multi-row VALUES on SQLite once the statement is compiled, and keep the parameter handling trivial.
/// Time is measured around each execution so the report shows insert rows/s per table, apart from generation.
/// </summary>
internal sealed class BulkWriter : IDisposable
{
    private const int RowsPerTransaction = 250_000;
    private readonly SqliteConnection _connection;
    private readonly List<BulkTable> _tables = [];
    private SqliteTransaction _transaction;
    private int _rowsInTransaction;

    public BulkWriter(SqliteConnection connection)
    {
        _connection = connection;
        _transaction = connection.BeginTransaction();
    }

    public BulkTable Table(string name, params string[] columns)
    {
        var table = new BulkTable(this, _connection, _transaction, name, columns);
        _tables.Add(table);
        return table;
    }

    internal void Counted()
    {
        if (++_rowsInTransaction < RowsPerTransaction) return;
        Commit();
    }

    public void Commit()
    {
        _transaction.Commit();
        _transaction.Dispose();
        _transaction = _connection.BeginTransaction();
        foreach (var table in _tables) table.Command.Transaction = _transaction;
        _rowsInTransaction = 0;
    }

    public IReadOnlyList<BulkTable> Tables => _tables;

    public void Dispose()
    {
        _transaction.Commit();
        _transaction.Dispose();
        foreach (var table in _tables) table.Command.Dispose();
    }
}

internal sealed class BulkTable
{
    private readonly BulkWriter _writer;
    private readonly SqliteParameter[] _parameters;

    public BulkTable(BulkWriter writer, SqliteConnection connection, SqliteTransaction transaction, string name, string[] columns)
    {
        _writer = writer;
        Name = name;
        Command = connection.CreateCommand();
        Command.Transaction = transaction;
        Command.CommandText = $"INSERT INTO \"{name}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        _parameters = [.. columns.Select((_, i) => Command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), DBNull.Value)))];
        Command.Prepare();
    }

    public string Name { get; }
    public SqliteCommand Command { get; }
    public long Rows { get; private set; }
    public long Ticks { get; private set; }

    public void Insert(params object?[] values)
    {
        if (values.Length != _parameters.Length) throw new ArgumentException($"{Name}: {values.Length} values for {_parameters.Length} columns.");
        for (var i = 0; i < values.Length; i++) _parameters[i].Value = values[i] ?? DBNull.Value;
        var started = Stopwatch.GetTimestamp();
        Command.ExecuteNonQuery();
        Ticks += Stopwatch.GetTimestamp() - started;
        Rows++;
        _writer.Counted();
    }

    public double RowsPerSecond => Ticks == 0 ? 0 : Rows / (Ticks / (double)Stopwatch.Frequency);
}
