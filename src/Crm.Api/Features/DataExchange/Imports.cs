using System.Text.Json;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.DataExchange;

/// <summary>A dry run's answer: counts by planned action, every row error (up to 1,000) and the first 500 planned rows.</summary>
public sealed record ImportReportDto(string Kind, int Total, int Create, int Update, int Skip, int Failed, IReadOnlyList<ImportErrorDto> Errors, IReadOnlyList<PlannedRowDto> Rows);

public sealed record ImportJobDto(Guid Id, string Kind, ImportStatus Status, int TotalRows, int ProcessedRows, double Percent, int Created, int Updated, int Skipped,
    int Failed, IReadOnlyList<ImportErrorDto> Errors, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt);

/// <summary>Plans a customer import and reports it, writing nothing.</summary>
public sealed record DryRunCustomerImportQuery(string Csv) : IRequest<ImportReportDto>;

public sealed class DryRunCustomerImportHandler(CrmDbContext db) : IRequestHandler<DryRunCustomerImportQuery, ImportReportDto>
{
    public async Task<ImportReportDto> Handle(DryRunCustomerImportQuery request, CancellationToken ct)
    {
        var (rows, fileErrors) = CustomerImport.Read(request.Csv);
        if (fileErrors.Count > 0 && rows.Count == 0) throw ImportRules.BadFile(fileErrors);
        var planned = new List<PlannedRowDto>();
        var errors = new List<ImportErrorDto>(fileErrors);
        foreach (var batch in rows.Chunk(ImportRules.BatchSize))
        {
            var plan = await CustomerImport.PlanAsync(db, batch, track: false, ct);
            planned.AddRange(plan.Rows);
            errors.AddRange(plan.Errors);
        }
        return new ImportReportDto("customers", rows.Count, planned.Count(r => r.Action == ImportAction.Create), planned.Count(r => r.Action == ImportAction.Update),
            planned.Count(r => r.Action == ImportAction.Skip), planned.Count(r => r.Action == ImportAction.Error), errors.Take(1000).ToList(), planned.Take(500).ToList());
    }
}

/// <summary>Queues a customer import for the background worker; a file that cannot be read is refused at once.</summary>
public sealed record StartCustomerImportCommand(string Csv) : ICommand<Guid>;

public sealed class StartCustomerImportHandler(CrmDbContext db, Caller caller, TimeProvider clock) : IRequestHandler<StartCustomerImportCommand, Guid>
{
    public Task<Guid> Handle(StartCustomerImportCommand request, CancellationToken ct)
    {
        var (rows, fileErrors) = CustomerImport.Read(request.Csv);
        if (fileErrors.Count > 0) throw ImportRules.BadFile(fileErrors);
        if (caller.UserId is not { } userId) throw new DomainRuleException("Imports run as a person: sign in as a user to import.");
        var job = new ImportJob { Kind = "customers", Status = ImportStatus.Queued, Content = request.Csv, TotalRows = rows.Count, CreatedBy = userId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.ImportJobs.Add(job);
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

public static class ImportRules
{
    public const int BatchSize = 1000;
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal static FluentValidation.ValidationException BadFile(IEnumerable<ImportErrorDto> errors) =>
        new(errors.Take(50).Select(e => new FluentValidation.Results.ValidationFailure(e.Field.Length == 0 ? "file" : e.Field, $"Row {e.Row}: {e.Message}")));
}
