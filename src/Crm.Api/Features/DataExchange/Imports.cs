using System.Globalization;
using System.Text.Json;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using CsvHelper;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.DataExchange;

/// <summary>A dry run's answer: counts by planned action, every row error (up to 1,000) and the first 500 planned rows.</summary>
public sealed record ImportReportDto(string Kind, int Total, int Create, int Update, int Skip, int Failed, IReadOnlyList<ImportErrorDto> Errors, IReadOnlyList<PlannedRowDto> Rows);

public sealed record ImportJobDto(Guid Id, string Kind, ImportStatus Status, int TotalRows, int ProcessedRows, double Percent, int Created, int Updated, int Skipped,
    int Failed, IReadOnlyList<ImportErrorDto> Errors, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt);

/// <summary>Plans an import of <paramref name="Kind"/> (customers, contacts or purchases) and reports it, writing nothing.</summary>
public sealed record DryRunImportQuery(string Kind, string Csv) : IRequest<ImportReportDto>;

public sealed class DryRunImportHandler(CrmDbContext db, TimeProvider clock) : IRequestHandler<DryRunImportQuery, ImportReportDto>
{
    public async Task<ImportReportDto> Handle(DryRunImportQuery request, CancellationToken ct)
    {
        var import = CsvImport.Of(request.Kind);
        var (rows, fileErrors) = import.Read(request.Csv);
        if (fileErrors.Count > 0 && rows.Count == 0) throw ImportRules.BadFile(fileErrors);
        var planned = new List<PlannedRowDto>();
        var errors = new List<ImportErrorDto>(fileErrors);
        foreach (var batch in rows.Chunk(ImportRules.BatchSize))
        {
            var plan = await import.PlanAsync(db, clock, batch, track: false, ct);
            planned.AddRange(plan.Rows);
            errors.AddRange(plan.Errors);
        }
        return new ImportReportDto(import.Kind, rows.Count, planned.Count(r => r.Action == ImportAction.Create), planned.Count(r => r.Action == ImportAction.Update),
            planned.Count(r => r.Action == ImportAction.Skip), planned.Count(r => r.Action == ImportAction.Error), errors.Take(1000).ToList(), planned.Take(500).ToList());
    }
}

/// <summary>Queues an import for the background worker; a file that cannot be read is refused at once.</summary>
public sealed record StartImportCommand(string Kind, string Csv) : ICommand<Guid>;

public sealed class StartImportHandler(CrmDbContext db, Caller caller, TimeProvider clock) : IRequestHandler<StartImportCommand, Guid>
{
    public Task<Guid> Handle(StartImportCommand request, CancellationToken ct)
    {
        var import = CsvImport.Of(request.Kind);
        var (rows, fileErrors) = import.Read(request.Csv);
        if (fileErrors.Count > 0) throw ImportRules.BadFile(fileErrors);
        if (caller.UserId is not { } userId) throw new DomainRuleException("Imports run as a person: sign in as a user to import.");
        var job = new ImportJob { Kind = import.Kind, Status = ImportStatus.Queued, TotalRows = rows.Count, CreatedBy = userId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.ImportJobs.Add(job);
        db.ImportFiles.Add(new ImportFile { JobId = job.Id, Content = request.Csv });
        return Task.FromResult(job.Id);
    }
}

/// <summary>An import's progress and outcome; visible to whoever started it and to admins.</summary>
public sealed record GetImportJobQuery(Guid Id) : IRequest<ImportJobDto>;

public sealed class GetImportJobHandler(CrmDbContext db, Caller caller) : IRequestHandler<GetImportJobQuery, ImportJobDto>
{
    public async Task<ImportJobDto> Handle(GetImportJobQuery request, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().Where(j => j.Id == request.Id && (caller.Role == Role.Admin || j.CreatedBy == caller.UserId))
            .Select(j => new { j.Id, j.Kind, j.Status, j.TotalRows, j.ProcessedRows, j.Created, j.Updated, j.Skipped, j.Failed, j.Errors, j.CreatedAt, j.StartedAt, j.FinishedAt })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("The import");
        return new ImportJobDto(job.Id, job.Kind, job.Status, job.TotalRows, job.ProcessedRows, job.TotalRows == 0 ? 100 : Math.Round(100.0 * job.ProcessedRows / job.TotalRows, 1),
            job.Created, job.Updated, job.Skipped, job.Failed, JsonSerializer.Deserialize<List<ImportErrorDto>>(job.Errors, ImportRules.Json) ?? [], job.CreatedAt, job.StartedAt, job.FinishedAt);
    }
}

public sealed record ImportErrorDto(int Row, string Field, string Message);

public enum ImportAction { Create, Update, Skip, Error }

/// <summary>
/// What one row will do: create a record, update the one it matched (and how it matched), skip it (nothing would
/// change, or the record is already there), or fail. <c>customerId</c> is the customer the row belongs to;
/// <c>recordId</c> the matched record itself (for a customer import, the same).
/// </summary>
public sealed record PlannedRowDto(int Row, ImportAction Action, Guid? CustomerId, string? MatchedBy, Guid? RecordId = null);

/// <summary>One CSV row, cells as read; empty cells are null ("keep what is there" on update).</summary>
public sealed record ImportRow(int Row, IReadOnlyDictionary<string, string?> Cells)
{
    public string? this[string column] => Cells.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>A planned batch: what each row will do, the row errors, and the writes that carry it out (run only when there is no error).</summary>
public sealed class ImportPlan
{
    public List<PlannedRowDto> Rows { get; } = [];
    public List<ImportErrorDto> Errors { get; } = [];
    public Func<CancellationToken, Task<(int Created, int Updated)>> ApplyAsync { get; set; } = _ => Task.FromResult((0, 0));
}

/// <summary>
/// One kind of record a CSV file can bring in. Every kind reads the file the same way (UTF-8, a header row naming
/// the columns in any order and case; export-only columns read past), and plans each batch against the database in the
/// caller's scope: create, update or skip, matched by the kind's own keys.
/// </summary>
public abstract class CsvImport
{
    public const int MaxRows = 200_000;

    public abstract string Kind { get; }
    public abstract string[] Columns { get; }
    protected abstract string[] Required { get; }
    /// <summary>Columns an export writes that an import reads past, so an exported file can be edited and imported back.</summary>
    protected virtual string[] ReadPast => [];

    public abstract Task<ImportPlan> PlanAsync(CrmDbContext db, TimeProvider clock, IReadOnlyList<ImportRow> rows, bool track, CancellationToken ct);

    public static readonly IReadOnlyList<CsvImport> All = [new CustomerImport(), new ContactImport(), new PurchaseImport()];

    public static CsvImport Of(string kind) => All.Single(i => i.Kind == kind);

    public (List<ImportRow> Rows, List<ImportErrorDto> Errors) Read(string csv)
    {
        var errors = new List<ImportErrorDto>();
        return (ReadRows(csv, errors).ToList(), errors);
    }

    /// <summary>
    /// The rows one at a time, so the import worker holds one batch rather than the whole file as parsed rows (about
    /// 1.5 KB a row: 150 MB for 100,000). Problems with the header or the size of the file go to <paramref name="errors"/>.
    /// </summary>
    public IEnumerable<ImportRow> ReadRows(string csv, List<ImportErrorDto> errors)
    {
        using var parser = CsvReader.FromText(csv.TrimStart('\uFEFF'), new CsvReaderOptions
        {
            HasHeader = true, MissingField = CsvMissingFieldHandling.ReturnEmpty, FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Recover, SkipEmptyLines = true,
        });
        var header = parser.Headers.ToArray();
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new ImportErrorDto(1, "", "The file is empty: the first row must name the columns."));
            yield break;
        }
        var known = header.Select(h => Columns.FirstOrDefault(c => string.Equals(c, h.Trim(), StringComparison.OrdinalIgnoreCase))).ToArray();
        var headerErrors = errors.Count;
        for (var i = 0; i < header.Length; i++)
            if (known[i] is null && !ReadPast.Contains(header[i].Trim(), StringComparer.OrdinalIgnoreCase))
                errors.Add(new ImportErrorDto(1, header[i], $"Unknown column '{header[i]}'. Columns: {string.Join(", ", Columns)}."));
        foreach (var column in Required.Where(c => !known.Contains(c)))
            errors.Add(new ImportErrorDto(1, column, $"The file needs a '{column}' column."));
        if (errors.Count > headerErrors) yield break;
        var count = 0;
        while (parser.Read())
        {
            // Row numbers as a spreadsheet shows them: the header is row 1.
            var rowNumber = (int)parser.RowNumber + 1;
            if (count >= MaxRows) { errors.Add(new ImportErrorDto(rowNumber, "", $"At most {MaxRows:N0} rows per file.")); yield break; }
            var cells = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < known.Length; i++)
                if (known[i] is { } column) cells[column] = i < parser.FieldCount ? parser.GetStringOrNull(i) : null;
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            count++;
            yield return new ImportRow(rowNumber, cells);
        }
    }

    /// <summary>The validator's failures as row errors, each on the column it is about (the property name where no column is).</summary>
    protected void Validate<T>(FluentValidation.IValidator<T> validator, T input, Action<string, string> error)
    {
        foreach (var failure in validator.Validate(input).Errors)
            error(Columns.FirstOrDefault(c => string.Equals(c, failure.PropertyName, StringComparison.OrdinalIgnoreCase)) ?? failure.PropertyName, failure.ErrorMessage);
    }

    /// <summary>A true/false cell: true, 1, 是, Y; false, 0, 否, N.</summary>
    protected static bool? Bool(ImportRow row, string column, bool? current, Action<string, string> error)
    {
        if (row[column] is not { } text) return current;
        if (text is "1" or "是" or "Y" or "y" || bool.TryParse(text, out var b) && b) return true;
        if (text is "0" or "否" or "N" or "n" || bool.TryParse(text, out var f) && !f) return false;
        error(column, $"'{text}' is not true or false.");
        return current;
    }

    protected static DateOnly? Date(ImportRow row, string column, DateOnly? current, Action<string, string> error)
    {
        if (row[column] is not { } text) return current;
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        error(column, $"'{text}' is not a date (yyyy-MM-dd).");
        return current;
    }

    protected static decimal? Number(ImportRow row, string column, decimal? current, Action<string, string> error)
    {
        if (row[column] is not { } text) return current;
        if (decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
        error(column, $"'{text}' is not a number.");
        return current;
    }

    /// <summary>The caller's customers with these codes, and which codes exist at all (to tell "not yours or archived" from "no such code").</summary>
    protected static async Task<(Dictionary<string, Customer> Visible, HashSet<string> Anywhere)> CustomersByCodeAsync(CrmDbContext db, IReadOnlyList<ImportRow> rows, bool track, CancellationToken ct)
    {
        var codes = rows.Select(r => r["customerCode"]).OfType<string>().Distinct().ToList();
        var visible = await (track ? db.Customers : db.Customers.AsNoTracking()).Where(c => EF.Parameter(codes).Contains(c.Code) && c.ArchivedAt == null).ToDictionaryAsync(c => c.Code, ct);
        var anywhere = (await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => EF.Parameter(codes).Contains(c.Code)).Select(c => c.Code).ToListAsync(ct)).ToHashSet();
        return (visible, anywhere);
    }

    protected static Customer? CustomerOf(ImportRow row, (Dictionary<string, Customer> Visible, HashSet<string> Anywhere) customers, Action<string, string> error)
    {
        if (row["customerCode"] is not { } code) { error("customerCode", "Say which customer (customerCode)."); return null; }
        if (customers.Visible.TryGetValue(code, out var customer)) return customer;
        error("customerCode", customers.Anywhere.Contains(code)
            ? $"The customer '{code}' is archived or not one you can see."
            : $"No customer has the code '{code}'.");
        return null;
    }
}

public static class ImportRules
{
    public const int BatchSize = 1000;
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal static FluentValidation.ValidationException BadFile(IEnumerable<ImportErrorDto> errors) =>
        new(errors.Take(50).Select(e => new FluentValidation.Results.ValidationFailure(e.Field.Length == 0 ? "file" : e.Field, $"Row {e.Row}: {e.Message}")));
}
