using Crm.Api.Domain;
using Crm.Api.Features.Contacts;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.DataExchange;

/// <summary>
/// Contact import: each row names its customer by <c>customerCode</c> and is matched among that customer's contacts
/// by mobile or phone, then e-mail, then exact name; a match is updated with the non-empty cells (or skipped when
/// nothing would change), anything else becomes a new contact. The one-primary rule holds as in the API: a customer's
/// first contact is its primary, <c>isPrimary</c> = true moves the primary to the row's contact, and the primary
/// cannot be unset (make another contact primary instead).
/// </summary>
public sealed class ContactImport : CsvImport
{
    public override string Kind => "contacts";

    public override string[] Columns { get; } = ["customerCode", "name", "title", "mobile", "phone", "fax", "email", "address", "birthday", "isPrimary"];

    protected override string[] Required { get; } = ["customerCode", "name"];

    private sealed record Write(ImportRow Row, Customer Customer, Contact? Match, ContactInput Input);

    public override async Task<ImportPlan> PlanAsync(CrmDbContext db, TimeProvider clock, IReadOnlyList<ImportRow> rows, bool track, CancellationToken ct)
    {
        var plan = new ImportPlan();
        var customers = await CustomersByCodeAsync(db, rows, track, ct);
        var customerIds = customers.Visible.Values.Select(c => c.Id).ToList();
        var contacts = (await (track ? db.Contacts : db.Contacts.AsNoTracking()).Where(c => EF.Parameter(customerIds).Contains(c.CustomerId)).ToListAsync(ct))
            .ToLookup(c => c.CustomerId);
        var validator = new ContactInputValidator();
        var writes = new List<Write>();
        var claimed = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var newPrimary = new Dictionary<Guid, int>();

        foreach (var row in rows)
        {
            var rowErrors = new List<ImportErrorDto>();
            void Error(string field, string message) => rowErrors.Add(new ImportErrorDto(row.Row, field, message));

            var customer = CustomerOf(row, customers, Error);
            Contact? match = null;
            string? matchedBy = null;
            if (customer is not null)
            {
                var theirs = contacts[customer.Id].ToList();
                var phones = new[] { row["mobile"], row["phone"] }.OfType<string>().ToList();
                var email = row["email"];
                foreach (var (by, found) in new (string, List<Contact>)[]
                         {
                             ("phone", phones.Count == 0 ? [] : theirs.Where(c => phones.Contains(c.Mobile ?? "\0") || phones.Contains(c.Phone ?? "\0")).ToList()),
                             ("email", email is null ? [] : theirs.Where(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase)).ToList()),
                             ("name", row["name"] is not { } name ? [] : theirs.Where(c => c.Name == name).ToList()),
                         })
                {
                    if (found.Count > 1) { Error(by, $"{found.Count} contacts of this customer share this {by}; edit them in the app."); break; }
                    if (found.Count == 1) { (match, matchedBy) = (found[0], by); break; }
                }

                // Two rows of one file may not describe the same contact.
                var key = match is not null ? "id:" + match.Id : $"new:{customer.Id}:{row["name"]}";
                if (claimed.TryGetValue(key, out var earlier)) Error(matchedBy ?? "name", $"Row {earlier} already describes this contact.");
                else claimed[key] = row.Row;
            }

            var isPrimary = Bool(row, "isPrimary", null, Error);
            var input = new ContactInput
            {
                Name = row["name"] ?? match?.Name ?? "",
                Title = row["title"] ?? match?.Title,
                Mobile = row["mobile"] ?? match?.Mobile,
                Phone = row["phone"] ?? match?.Phone,
                Fax = row["fax"] ?? match?.Fax,
                Email = row["email"] ?? match?.Email,
                Address = row["address"] ?? match?.Address,
                Birthday = Date(row, "birthday", match?.Birthday, Error),
                IsPrimary = isPrimary ?? match?.IsPrimary ?? false,
            };
            Validate(validator, input, Error);
            if (match is { IsPrimary: true } && isPrimary == false)
                Error("isPrimary", "A customer always has one primary contact: make another contact primary instead.");
            if (customer is not null && isPrimary == true)
            {
                if (newPrimary.TryGetValue(customer.Id, out var other)) Error("isPrimary", $"Row {other} already makes another contact this customer's primary.");
                else newPrimary[customer.Id] = row.Row;
            }

            if (rowErrors.Count > 0 || customer is null)
            {
                plan.Errors.AddRange(rowErrors);
                plan.Rows.Add(new PlannedRowDto(row.Row, ImportAction.Error, customer?.Id, matchedBy, match?.Id));
            }
            else if (match is null)
            {
                writes.Add(new Write(row, customer, null, input));
                plan.Rows.Add(new PlannedRowDto(row.Row, ImportAction.Create, customer.Id, null));
            }
            else if (Changes(match, input))
            {
                writes.Add(new Write(row, customer, match, input));
                plan.Rows.Add(new PlannedRowDto(row.Row, ImportAction.Update, customer.Id, matchedBy, match.Id));
            }
            else plan.Rows.Add(new PlannedRowDto(row.Row, ImportAction.Skip, customer.Id, matchedBy, match.Id));
        }
        plan.ApplyAsync = applyCt => ApplyAsync(db, writes, contacts, applyCt);
        return plan;
    }

    private static bool Changes(Contact c, ContactInput x) =>
        c.Name != x.Name.Trim() || c.Title != x.Title?.Trim() || c.Mobile != x.Mobile?.Trim() || c.Phone != x.Phone?.Trim() || c.Fax != x.Fax?.Trim()
        || c.Email != x.Email?.Trim() || c.Address != x.Address?.Trim() || c.Birthday != x.Birthday || c.IsPrimary != x.IsPrimary;

    private static async Task<(int Created, int Updated)> ApplyAsync(CrmDbContext db, List<Write> writes, ILookup<Guid, Contact> existing, CancellationToken ct)
    {
        // A row that makes a contact primary moves the customer's primary to it; the old primary is demoted and saved
        // first, so the one-primary index holds at every step.
        static bool Promotes(Write w) => w.Input.IsPrimary && w.Match is not { IsPrimary: true };
        var promoted = writes.Where(Promotes).Select(w => w.Customer.Id).ToHashSet();
        foreach (var old in promoted.SelectMany(id => existing[id]).Where(c => c.IsPrimary)) old.IsPrimary = false;
        if (promoted.Count > 0) await db.SaveChangesAsync(ct);

        var hasPrimary = existing.SelectMany(g => g).Where(c => c.IsPrimary).Select(c => c.CustomerId).ToHashSet();
        hasPrimary.UnionWith(promoted);
        foreach (var write in writes)
        {
            var contact = write.Match ?? db.Contacts.Add(new Contact { CustomerId = write.Customer.Id }).Entity;
            write.Input.ApplyTo(contact);
            contact.IsPrimary = promoted.Contains(write.Customer.Id)
                ? Promotes(write)
                // A customer's first contact is its primary, as when it is added by hand.
                : write.Input.IsPrimary || (write.Match is null && hasPrimary.Add(write.Customer.Id));
        }
        return (writes.Count(w => w.Match is null), writes.Count(w => w.Match is not null));
    }
}
