using System.Globalization;
using System.Text;
using Crm.Api.Common;
using Crm.Api.Common.Auth;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Purchases;
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

        app.MapGet("/api/v1/customers/export", ([AsParameters] ListCustomersQuery query, IMediator mediator, HttpContext http) =>
                Csv(http, "customers.csv", CustomerHeader, async (writer, ct) =>
                {
                    string? cursor = null;
                    do
                    {
                        var page = await mediator.Send(query with { Limit = Paging.MaxLimit, Cursor = cursor }, ct);
                        foreach (var c in page.Items)
                            await writer.WriteRecordAsync([c.Code, c.Name, c.Kind.ToString(), c.Level.ToString(), c.IsKeyAccount ? "true" : "false", c.Region ?? "", c.Industry ?? "",
                                c.Phone ?? "", c.Lifecycle.ToString(), c.PrimaryContactName ?? "", c.OwnerName, c.Points.ToString(CultureInfo.InvariantCulture), c.Tier ?? "",
                                c.CreatedAt.ToString("O", CultureInfo.InvariantCulture), c.UpdatedAt.ToString("O", CultureInfo.InvariantCulture)], ct);
                        cursor = page.NextCursor;
                    } while (cursor is not null && !ct.IsCancellationRequested);
                }))
            .WithTags("Customers").RequireAuthorization(AccessPolicies.Read("customers"))
            .WithName("ExportCustomers")
            .WithSummary("The filtered customer list as CSV (UTF-8 with BOM so Excel shows Chinese), streamed; same filters and sort as the list")
            .Produces(200, contentType: "text/csv").ProducesProblem(400);

        app.MapGet("/api/v1/purchases/export", ([AsParameters] ListPurchasesQuery query, IMediator mediator, HttpContext http) =>
                Csv(http, "purchases.csv", PurchaseHeader, async (writer, ct) =>
                {
                    string? cursor = null;
                    do
                    {
                        var page = await mediator.Send(query with { Limit = Paging.MaxLimit, Cursor = cursor }, ct);
                        foreach (var p in page.Items)
                            await writer.WriteRecordAsync([p.PurchasedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.CustomerCode, p.CustomerName, p.Product, p.Category,
                                p.Quantity.ToString(CultureInfo.InvariantCulture), p.UnitPrice.ToString(CultureInfo.InvariantCulture),
                                p.ListUnitPrice?.ToString(CultureInfo.InvariantCulture) ?? "", p.Amount.ToString(CultureInfo.InvariantCulture), p.Currency, p.Notes ?? ""], ct);
                        cursor = page.NextCursor;
                    } while (cursor is not null && !ct.IsCancellationRequested);
                }))
            .WithTags("Purchases").RequireAuthorization(AccessPolicies.Read("purchases"))
            .WithName("ExportPurchases").WithSummary("The filtered deal list as CSV (UTF-8 with BOM), streamed")
            .Produces(200, contentType: "text/csv").ProducesProblem(400);
    }

    public static readonly string[] CustomerHeader =
        ["code", "name", "kind", "level", "isKeyAccount", "region", "industry", "phone", "lifecycle", "primaryContact", "owner", "points", "tier", "createdAt", "updatedAt"];

    private static readonly string[] PurchaseHeader = ["purchasedOn", "customerCode", "customer", "product", "category", "quantity", "unitPrice", "listUnitPrice", "amount", "currency", "notes"];

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
