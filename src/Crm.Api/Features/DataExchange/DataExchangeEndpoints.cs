using System.Globalization;
using System.Text;
using Crm.Api.Common;
using Crm.Api.Common.Auth;
using Crm.Api.Features.Complaints;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Purchases;
using Crm.Api.Features.Referrals;
using Crm.Api.Features.Visits;
using CsvHelper;
using MediatR;

namespace Crm.Api.Features.DataExchange;

public static class DataExchangeEndpoints
{
    private const int MaxFileBytes = 50 * 1024 * 1024;
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public static IServiceCollection AddCrmDataExchange(this IServiceCollection services) => services
        .AddSingleton<ImportWorker>()
        .AddHostedService(sp => sp.GetRequiredService<ImportWorker>());

    public static void MapDataExchangeEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var (kind, area, name, what) in new[]
                 {
                     ("customers", "customers", "ImportCustomers", "Import customers from CSV (UTF-8, header row). Rows match an existing customer by code, then phone or e-mail, then exact name, and update it; others create customers."),
                     ("contacts", "customers", "ImportContacts", "Import contact persons from CSV (UTF-8, header row; customerCode names the customer). Rows match a contact of that customer by mobile or phone, then e-mail, then exact name, and update it; others add contacts. The one-primary rule holds."),
                     ("purchases", "purchases", "ImportPurchases", "Import deals from CSV (UTF-8, header row; customerCode names the customer), recorded as if entered by hand (points, prospect to active, referral won). A row identical to a recorded deal (customer, day, product, quantity, unit price, currency) is skipped, so importing a file twice records nothing new."),
                 })
        {
            app.MapPost($"/api/v1/imports/{kind}", async (bool? dryRun, IMediator mediator, HttpContext http) =>
                {
                    var csv = await ReadCsvAsync(http);
                    if (dryRun ?? true) return Results.Ok(await mediator.Send(new DryRunImportQuery(kind, csv), http.RequestAborted));
                    var id = await mediator.Send(new StartImportCommand(kind, csv), http.RequestAborted);
                    return Results.Accepted($"/api/v1/imports/{id}", await mediator.Send(new GetImportJobQuery(id), http.RequestAborted));
                })
                .Accepts<string>("text/csv").WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxFileBytes))
                .AddOpenApiOperationTransformer((operation, _, _) =>
                {
                    // The file is one string body: declare the size limit the endpoint enforces.
                    if (operation.RequestBody?.Content?.TryGetValue("text/csv", out var csv) == true && csv.Schema is Microsoft.OpenApi.OpenApiSchema schema)
                        schema.MaxLength = MaxFileBytes;
                    return Task.CompletedTask;
                })
                .WithTags("Imports").RequireAuthorization(AccessPolicies.Write(area))
                .WithName(name)
                .WithSummary(what + $" Columns: {string.Join(", ", CsvImport.Of(kind).Columns)}. dryRun=true (the default) plans each row (create / update / skip / error) and writes nothing; dryRun=false queues the import, answers 202 with its progress URL, and writes each batch of {ImportRules.BatchSize:N0} rows only if all of its rows are valid")
                .Produces<ImportReportDto>().Produces<ImportJobDto>(202).ProducesProblem(400).ProducesProblem(413);
        }

        app.MapGet("/api/v1/imports/{id:guid}", async (Guid id, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new GetImportJobQuery(id), http.RequestAborted)))
            .WithTags("Imports").RequireAuthorization(AccessPolicies.Write("customers"))
            .WithName("GetImport").WithSummary("An import's progress (rows processed, percent), counts and row errors")
            .Produces<ImportJobDto>().ProducesProblem(404);

        app.MapCsvExport<ListCustomersQuery, CustomerSummaryDto>("/api/v1/customers/export", "customers", (q, cursor) => q with { Limit = Paging.MaxLimit, Cursor = cursor },
                CustomerColumns)
            .WithTags("Customers").RequireAuthorization(AccessPolicies.Read("customers"))
            .WithName("ExportCustomers")
            .WithSummary("The filtered customer list as CSV (UTF-8 with BOM so Excel shows Chinese), streamed; same filters and sort as the list");

        app.MapCsvExport<ListPurchasesQuery, PurchaseDto>("/api/v1/purchases/export", "purchases", (q, cursor) => q with { Limit = Paging.MaxLimit, Cursor = cursor },
            [
                ("purchasedOn", p => Text(p.PurchasedOn)), ("customerCode", p => p.CustomerCode), ("customer", p => p.CustomerName), ("product", p => p.Product),
                ("category", p => p.Category), ("quantity", p => Text(p.Quantity)), ("unitPrice", p => Text(p.UnitPrice)), ("listUnitPrice", p => Text(p.ListUnitPrice)),
                ("amount", p => Text(p.Amount)), ("currency", p => p.Currency), ("notes", p => p.Notes ?? ""),
            ])
            .WithTags("Purchases").RequireAuthorization(AccessPolicies.Read("purchases"))
            .WithName("ExportPurchases").WithSummary("The filtered deal list as CSV (UTF-8 with BOM), streamed; the file can be imported back (POST /api/v1/imports/purchases)");

        app.MapCsvExport<ListVisitsQuery, VisitDto>("/api/v1/visits/export", "visits", (q, cursor) => q with { Limit = Paging.MaxLimit, Cursor = cursor },
            [
                ("customerCode", v => v.CustomerCode), ("customer", v => v.CustomerName), ("customerLevel", v => v.CustomerLevel.ToString()), ("visitor", v => v.VisitorName),
                ("form", v => v.Form.ToString()), ("category", v => v.Category.ToString()), ("purposes", v => string.Join(';', v.Purposes)), ("status", v => v.Status.ToString()),
                ("plannedStart", v => Text(v.PlannedStart)), ("actualStart", v => Text(v.ActualStart)), ("actualEnd", v => Text(v.ActualEnd)), ("summary", v => v.Summary ?? ""),
                ("outcome", v => v.Outcome ?? ""), ("nextSteps", v => v.NextSteps ?? ""), ("followUpDate", v => Text(v.FollowUpDate)), ("reviewStatus", v => v.ReviewStatus.ToString()),
            ])
            .WithTags("Visits").RequireAuthorization(AccessPolicies.Read("visits"))
            .WithName("ExportVisits").WithSummary("The filtered visit list as CSV (UTF-8 with BOM), streamed; same filters as the list");

        app.MapCsvExport<ListComplaintsQuery, ComplaintDto>("/api/v1/complaints/export", "complaints", (q, cursor) => q with { Limit = Paging.MaxLimit, Cursor = cursor },
            [
                ("number", c => c.Number), ("customer", c => c.CustomerName), ("customerLevel", c => c.CustomerLevel.ToString()), ("channel", c => c.Channel.ToString()),
                ("category", c => c.Category.ToString()), ("severity", c => c.Severity.ToString()), ("status", c => c.Status.ToString()), ("sla", c => c.Sla.ToString()),
                ("receivedAt", c => Text(c.ReceivedAt)), ("resolutionDueAt", c => Text(c.ResolutionDueAt)), ("resolvedAt", c => Text(c.ResolvedAt)),
                ("closedAt", c => Text(c.ClosedAt)), ("isRecurring", c => c.IsRecurring ? "true" : "false"), ("rootCause", c => c.RootCause ?? ""),
                ("correctiveAction", c => c.CorrectiveAction ?? ""), ("satisfaction", c => c.Satisfaction?.ToString(CultureInfo.InvariantCulture) ?? ""), ("description", c => c.Description),
            ])
            .WithTags("Complaints").RequireAuthorization(AccessPolicies.Read("complaints"))
            .WithName("ExportComplaints").WithSummary("The filtered complaint list as CSV (UTF-8 with BOM), streamed; same filters and sort as the queue");

        app.MapCsvExport<ListReferralsQuery, ReferralDto>("/api/v1/referrals/export", "referrals", (q, cursor) => q with { Limit = Paging.MaxLimit, Cursor = cursor },
            [
                ("referrer", r => r.ReferrerName), ("referred", r => r.ReferredName), ("channel", r => r.Channel.ToString()), ("referredOn", r => Text(r.ReferredOn)),
                ("mustCloseBy", r => Text(r.MustCloseBy)), ("status", r => r.Status.ToString()), ("wonAt", r => Text(r.WonAt)), ("lostReason", r => r.LostReason ?? ""),
                ("thankedAt", r => Text(r.ThankedAt)), ("rewardGranted", r => r.RewardGranted ? "true" : "false"), ("note", r => r.Note ?? ""),
            ])
            .WithTags("Referrals").RequireAuthorization(AccessPolicies.Read("referrals"))
            .WithName("ExportReferrals").WithSummary("The filtered referral list as CSV (UTF-8 with BOM), streamed; same filters as the list");
    }

    public static readonly (string Header, Func<CustomerSummaryDto, string> Value)[] CustomerColumns =
    [
        ("code", c => c.Code), ("name", c => c.Name), ("kind", c => c.Kind.ToString()), ("level", c => c.Level.ToString()), ("isKeyAccount", c => c.IsKeyAccount ? "true" : "false"),
        ("region", c => c.Region ?? ""), ("industry", c => c.Industry ?? ""), ("phone", c => c.Phone ?? ""), ("lifecycle", c => c.Lifecycle.ToString()),
        ("primaryContact", c => c.PrimaryContactName ?? ""), ("owner", c => c.OwnerName), ("points", c => Text(c.Points)), ("tier", c => c.Tier ?? ""),
        ("createdAt", c => Text(c.CreatedAt)), ("updatedAt", c => Text(c.UpdatedAt)),
    ];

    private static string Text(IFormattable? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        _ => value.ToString(null, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A list as a CSV download: the list's own query (filters, sort and scope) paged through to the end and streamed,
    /// so a large export never sits in memory.
    /// </summary>
    private static RouteHandlerBuilder MapCsvExport<TQuery, TDto>(this IEndpointRouteBuilder app, string route, string name, Func<TQuery, string?, TQuery> page,
        (string Header, Func<TDto, string> Value)[] columns) where TQuery : IRequest<Page<TDto>> =>
        app.MapGet(route, ([AsParameters] TQuery query, IMediator mediator, HttpContext http) =>
                Csv(http, name + ".csv", columns.Select(c => c.Header).ToArray(), async (writer, ct) =>
                {
                    string? cursor = null;
                    do
                    {
                        var result = await mediator.Send(page(query, cursor), ct);
                        foreach (var item in result.Items) await writer.WriteRecordAsync(columns.Select(c => c.Value(item)).ToArray(), ct);
                        cursor = result.NextCursor;
                    } while (cursor is not null && !ct.IsCancellationRequested);
                }))
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // An export runs through every page itself: the list's paging parameters do not apply.
                foreach (var paging in operation.Parameters?.Where(p => p.Name is "limit" or "cursor").ToList() ?? []) operation.Parameters!.Remove(paging);
                return Task.CompletedTask;
            })
            .Produces<string>(200, "text/csv").ProducesProblem(400);

    private static IResult Csv(HttpContext http, string fileName, string[] header, Func<CsvWriter, CancellationToken, Task> rows) =>
        Results.Stream(async stream =>
        {
            await stream.WriteAsync(Utf8Bom, http.RequestAborted);
            await using var writer = CsvWriter.Create(stream, null, leaveOpen: true);
            await writer.WriteRecordAsync(header, http.RequestAborted);
            await rows(writer, http.RequestAborted);
            await writer.FlushAsync(http.RequestAborted);
        }, "text/csv; charset=utf-8", fileName);

    private static async Task<string> ReadCsvAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxFileBytes)
            throw new BadHttpRequestException($"A file is at most {MaxFileBytes / 1024 / 1024} MB.", StatusCodes.Status413PayloadTooLarge);
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[81920];
        var text = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer, http.RequestAborted)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > MaxFileBytes) throw new BadHttpRequestException($"A file is at most {MaxFileBytes / 1024 / 1024} MB.", StatusCodes.Status413PayloadTooLarge);
        }
        if (text.Length == 0) throw Invalid.Field("file", "Send the CSV file as the request body (Content-Type: text/csv).");
        return text.ToString();
    }
}
