using System.Globalization;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Customers;
using Crm.Api.Persistence;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.DataExchange;

/// <summary>
/// Customer import: reads the CSV (UTF-8, header row; columns in <see cref="Columns"/>, any order and case), then plans
/// each row against the database — match by code, then phone or e-mail, then exact name; create when nothing matches,
/// update the matched customer with the non-empty cells, skip when nothing would change — and, for a real run, applies a
/// batch in one transaction only when every row of it is valid.
/// </summary>
public sealed class CustomerImport : CsvImport
{
    public override string Kind => "customers";

    public override string[] Columns { get; } =
        ["code", "name", "kind", "level", "isKeyAccount", "enterpriseType", "industry", "region", "phone", "email", "address", "postcode", "website", "leadSource", "ownerEmail", "tags"];

    protected override string[] Required { get; } = ["name"];

    protected override string[] ReadPast { get; } = ["lifecycle", "primaryContact", "owner", "points", "tier", "createdAt", "updatedAt", "state"];

    private sealed record Plan(List<PlannedRowDto> Rows, List<ImportErrorDto> Errors, Dictionary<int, Customer> Updates, Dictionary<int, (CreateCustomerCommand Command, Guid OwnerId)> Creates);

    /// <summary>Plans rows against the database in the caller's scope (global query filters), reading matches in bulk.</summary>
    public override async Task<ImportPlan> PlanAsync(CrmDbContext db, TimeProvider clock, IReadOnlyList<ImportRow> rows, bool track, CancellationToken ct)
    {
        var result = new ImportPlan();
        var caller = db.Caller;
        var codes = rows.Select(r => r["code"]).OfType<string>().Distinct().ToList();
        // A row with a code is matched by its code alone; only rows without one look further (a file exported from
        // another system usually has codes for every row, and then the batch needs one read instead of three).
        var uncoded = rows.Where(r => r["code"] is null).ToList();
        var phones = uncoded.Select(r => r["phone"]).OfType<string>().Distinct().ToList();
        var emails = uncoded.Select(r => r["email"]?.ToLowerInvariant()).OfType<string>().Distinct().ToList();
        var names = uncoded.Select(r => r["name"]).OfType<string>().Distinct().ToList();
        var ownerEmails = rows.Select(r => r["ownerEmail"]?.ToUpperInvariant()).OfType<string>().Distinct().ToList();

        IQueryable<Customer> Customers() => (track ? db.Customers : db.Customers.AsNoTracking()).Include(c => c.Tags).Where(c => c.Lifecycle != Lifecycle.Archived);
        var byCodeAnywhere = await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => EF.Parameter(codes).Contains(c.Code)).Select(c => c.Code).ToListAsync(ct);
        // Three index reads rather than one OR over four columns, which SQLite answers with a scan of every customer
        // (per batch: an import of 100,000 rows into a million customers would read the table 100 times). Phones and
        // e-mails have no index of their own; the search terms hold both, normalised, so they find a superset of the
        // candidates and the exact comparison below decides.
        var contactTerms = phones.Concat(emails).Select(CustomerSearchTerm.Normalise)
            .Select(t => t.Length > CustomerSearchTerm.TermMax ? t[..CustomerSearchTerm.TermMax] : t).Distinct().ToList();
        var byContactTerm = db.CustomerSearchTerms.Where(t => EF.Parameter(contactTerms).Contains(t.Term)).Select(t => t.CustomerId);
        var candidates = (codes.Count == 0 ? [] : await Customers().Where(c => EF.Parameter(codes).Contains(c.Code)).ToListAsync(ct))
            .Concat(names.Count == 0 ? [] : await Customers().Where(c => EF.Parameter(names).Contains(c.Name)).ToListAsync(ct))
            .Concat(contactTerms.Count == 0 ? [] : await Customers().Where(c => byContactTerm.Contains(c.Id)).ToListAsync(ct))
            .DistinctBy(c => c.Id).ToList();
        var owners = await db.Users.AsNoTracking().Where(u => ownerEmails.Contains(u.NormalizedEmail!)).Select(u => new { u.Id, u.NormalizedEmail, u.Role, u.IsDisabled }).ToListAsync(ct);

        var plan = new Plan(result.Rows, result.Errors, [], []);
        var claimed = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var validator = new CreateCustomerValidator();
        foreach (var row in rows)
        {
            var rowErrors = new List<ImportErrorDto>();
            void Error(string field, string message) => rowErrors.Add(new ImportErrorDto(row.Row, field, message));

            var (code, phone, email, name) = (row["code"], row["phone"], row["email"], row["name"]);
            Customer? match = null;
            string? matchedBy = null;
            if (code is not null)
            {
                match = candidates.FirstOrDefault(c => c.Code == code);
                matchedBy = match is null ? null : "code";
                if (match is null && byCodeAnywhere.Contains(code)) Error("code", $"The code '{code}' belongs to a customer you cannot see or that is archived.");
            }
            if (match is null && code is null && (phone is not null || email is not null))
            {
                var found = candidates.Where(c => (phone is not null && c.Phone == phone) || (email is not null && string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase))).ToList();
                if (found.Count > 1) Error(phone is not null ? "phone" : "email", $"{found.Count} customers have this phone or e-mail; add the code to say which.");
                else if (found.Count == 1) (match, matchedBy) = (found[0], phone is not null && found[0].Phone == phone ? "phone" : "email");
            }
            if (match is null && code is null && name is not null && rowErrors.Count == 0)
            {
                var found = candidates.Where(c => c.Name == name).ToList();
                if (found.Count > 1) Error("name", $"{found.Count} customers are called '{name}'; add the code to say which.");
                else if (found.Count == 1) (match, matchedBy) = (found[0], "name");
            }

            // Two rows of one file may not describe the same customer.
            foreach (var key in new[] { code is null ? null : "code:" + code, phone is null ? null : "phone:" + phone, email is null ? null : "email:" + email.ToLowerInvariant(),
                         match is not null ? "id:" + match.Id : code is null && phone is null && email is null && name is not null ? "name:" + name : null }.OfType<string>())
            {
                if (claimed.TryGetValue(key, out var earlier)) { Error(key.Split(':')[0], $"Row {earlier} already describes this customer."); break; }
                claimed[key] = row.Row;
            }

            var command = Command(row, match, Error);
            Guid ownerId = match?.OwnerId ?? caller.UserId ?? Guid.Empty;
            if (row["ownerEmail"] is { } ownerEmail)
            {
                var owner = owners.FirstOrDefault(o => string.Equals(o.NormalizedEmail, ownerEmail, StringComparison.OrdinalIgnoreCase));
                if (owner is null || owner.IsDisabled || owner.Role is not (Role.Rep or Role.Manager or Role.Admin) || !(caller.SeesAllCustomers || caller.VisibleOwnerIds.Contains(owner.Id)))
                    Error("ownerEmail", "Not an active account manager you can assign customers to.");
                else if (match is not null && owner.Id != match.OwnerId) Error("ownerEmail", "An import does not change owners; transfer the customer instead.");
                else ownerId = owner.Id;
            }
            else if (match is null && ownerId == Guid.Empty) Error("ownerEmail", "Name the account manager (ownerEmail) who owns new customers.");
            if (command is not null) Validate(validator, command, Error);

            if (rowErrors.Count > 0 || command is null)
            {
                plan.Errors.AddRange(rowErrors);
                plan.Rows.Add(new PlannedRowDto(row.Row, ImportAction.Error, match?.Id, matchedBy, match?.Id));
            }
            else if (match is null)
            {
                plan.Creates[row.Row] = (command, ownerId);
                plan.Rows.Add(new PlannedRowDto(row.Row, ImportAction.Create, null, null));
            }
            else if (Changes(match, command))
            {
                plan.Updates[row.Row] = match;
                plan.Creates[row.Row] = (command, ownerId);
                plan.Rows.Add(new PlannedRowDto(row.Row, ImportAction.Update, match.Id, matchedBy, match.Id));
            }
            else plan.Rows.Add(new PlannedRowDto(row.Row, ImportAction.Skip, match.Id, matchedBy, match.Id));
        }
        result.ApplyAsync = applyCt => ApplyAsync(db, plan, applyCt);
        return result;
    }

    /// <summary>The row as a create command; on update the empty cells keep the matched customer's values.</summary>
    private static CreateCustomerCommand? Command(ImportRow row, Customer? existing, Action<string, string> error)
    {
        T? Enum<T>(string column, T? current) where T : struct, System.Enum
        {
            if (row[column] is not { } text) return current;
            if (System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value)) return value;
            error(column, $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}.");
            return current;
        }
        var tags = row["tags"]?.Split([';', '；', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return new CreateCustomerCommand
        {
            Code = row["code"] ?? existing?.Code,
            Name = row["name"] ?? existing?.Name ?? "",
            Kind = Enum("kind", existing?.Kind) ?? CustomerKind.Company,
            Level = Enum("level", existing?.Level) ?? CustomerLevel.C,
            IsKeyAccount = Bool(row, "isKeyAccount", existing?.IsKeyAccount, error) ?? false,
            EnterpriseType = Enum("enterpriseType", existing?.EnterpriseType) ?? EnterpriseType.Other,
            LeadSource = Enum("leadSource", existing?.LeadSource) ?? LeadSource.Other,
            Industry = row["industry"] ?? existing?.Industry,
            Region = row["region"] ?? existing?.Region,
            Phone = row["phone"] ?? existing?.Phone,
            Email = row["email"] ?? existing?.Email,
            Address = row["address"] ?? existing?.Address,
            Postcode = row["postcode"] ?? existing?.Postcode,
            Website = row["website"] ?? existing?.Website,
            Tags = tags ?? existing?.Tags.Select(t => t.Tag).ToList(),
            // Fields the file cannot carry keep their current values on update.
            CreditRating = existing?.CreditRating ?? default, IsAlerted = existing?.IsAlerted ?? false, AlertReason = existing?.AlertReason,
            Fax = existing?.Fax, Origin = existing?.Origin ?? default, ChainPosition = existing?.ChainPosition ?? default,
        };
    }

    private static bool Changes(Customer c, CreateCustomerCommand x) =>
        c.Name != x.Name.Trim() || c.Kind != x.Kind || c.Level != x.Level || c.IsKeyAccount != x.IsKeyAccount || c.EnterpriseType != x.EnterpriseType
        || c.LeadSource != x.LeadSource || c.Industry != x.Industry || c.Region != x.Region || c.Phone != x.Phone || c.Email != x.Email
        || c.Address != x.Address || c.Postcode != x.Postcode || c.Website != x.Website
        || !c.Tags.Select(t => t.Tag).Order(StringComparer.OrdinalIgnoreCase).SequenceEqual((x.Tags ?? []).Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);

    /// <summary>Applies a planned batch: new customers (codes from one reserved block unless given) and updates of the matched ones.</summary>
    private static async Task<(int Created, int Updated)> ApplyAsync(CrmDbContext db, Plan plan, CancellationToken ct)
    {
        var creates = plan.Creates.Where(c => !plan.Updates.ContainsKey(c.Key)).OrderBy(c => c.Key).ToList();
        var needCodes = creates.Count(c => c.Value.Command.Code is null);
        var next = needCodes == 0 ? 0 : await SequenceNumbers.ReserveAsync(db, CustomerCodes.SequenceName, needCodes, ct);
        var taken = needCodes == 0 ? [] : (await db.Customers.IgnoreQueryFilters().Where(c => c.Code.StartsWith("C-")).Select(c => c.Code)
            .Where(code => string.Compare(code, $"C-{next:000000}") >= 0).ToListAsync(ct)).ToHashSet();
        foreach (var (_, (command, ownerId)) in creates)
        {
            var customer = new Customer(ownerId);
            command.ApplyTo(customer);
            if (command.Code is { } given) customer.Code = given;
            else
            {
                string code;
                do code = $"C-{next++:000000}"; while (taken.Contains(code));
                customer.Code = code;
            }
            db.Customers.Add(customer);
        }
        foreach (var (row, customer) in plan.Updates) plan.Creates[row].Command.ApplyTo(customer);
        return (creates.Count, plan.Updates.Count);
    }
}
