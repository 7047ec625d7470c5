using System.Net;
using System.Net.Http.Json;
using Crm.Api.Common;
using Crm.Api.Features.Analytics;
using Crm.Api.Features.Contacts;
using Crm.Api.Features.Customers;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Analytics;

/// <summary>Care reminders. The clock stands at Wednesday 2026-11-18 in Shanghai; the default range is the next 7 days.</summary>
public abstract class ReminderTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private async Task<Page<ReminderDto>> Reminders(Who who, string query = "") =>
        await Read<Page<ReminderDto>>(await (await As(who)).GetAsync("/api/v1/reminders" + query));

    [Fact]
    public async Task Birthdays_and_important_dates_in_the_range_are_reminded_to_the_owner_only()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1, "生日客户 Birthday Co",
            new { importantDates = new[] { new { label = "成立纪念日 Founding day", date = "2001-11-22" } } });
        var rep = await As(Who.Rep1);
        await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/contacts", new { name = "王经理", birthday = "1985-11-20" }, Json);
        await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/contacts", new { name = "Out of range", birthday = "1985-12-20" }, Json);
        var person = await Arrange.OwnedByAsync(App, Who.Rep1, "李先生", new { kind = "Person", profile = new { birthday = "1970-11-24" } });

        var mine = await Reminders(Who.Rep1);
        var birthday = Assert.Single(mine.Items, r => r.Kind == ReminderKind.Birthday && r.CustomerId == customer.Id);
        Assert.Equal(new DateOnly(2026, 11, 20), birthday.Date);
        Assert.Contains("王经理", birthday.Title);
        Assert.Contains(mine.Items, r => r.Kind == ReminderKind.Birthday && r.CustomerId == person.Id && r.Date == new DateOnly(2026, 11, 24));
        Assert.Contains(mine.Items, r => r.Kind == ReminderKind.ImportantDate && r.CustomerId == customer.Id && r.Date == new DateOnly(2026, 11, 22));
        Assert.DoesNotContain(mine.Items, r => r.Title.Contains("Out of range", StringComparison.Ordinal));

        Assert.DoesNotContain((await Reminders(Who.Rep3)).Items, r => r.CustomerId == customer.Id);
    }

    [Fact]
    public async Task A_changed_birthday_is_reminded_on_its_new_day_and_no_longer_on_the_old_one()
    {
        var rep = await As(Who.Rep2);
        var company = await Arrange.OwnedByAsync(App, Who.Rep2, "Moving birthday Co");
        var contact = await Read<ContactDto>(await rep.PostAsJsonAsync($"/api/v1/customers/{company.Id}/contacts", new { name = "赵女士", birthday = "1980-11-20" }, Json), HttpStatusCode.Created);
        var person = await Arrange.OwnedByAsync(App, Who.Rep2, "钱先生", new { kind = "Person", profile = new { birthday = "1975-11-21" } });
        Assert.Equal(2, (await Reminders(Who.Rep2, "?from=2026-11-20&to=2026-11-21")).Items.Count(r => r.Kind == ReminderKind.Birthday));

        await Read<ContactDto>(await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/customers/{company.Id}/contacts/{contact.Id}", $"\"{contact.Version}\"",
            new { name = "赵女士", birthday = "1980-11-23", isPrimary = true })));
        await Read<CustomerDto>(await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/customers/{person.Id}", $"\"{person.Version}\"",
            Arrange.UpdateBody(person, b => b["profile"] = new { birthday = "1975-11-24" }))));

        var birthdays = (await Reminders(Who.Rep2, "?from=2026-11-20&to=2026-11-24")).Items.Where(r => r.Kind == ReminderKind.Birthday).ToList();
        Assert.Equal([(new DateOnly(2026, 11, 23), contact.Id), (new DateOnly(2026, 11, 24), person.Id)], birthdays.Select(r => (r.Date, r.RecordId!.Value)));
        await Read<ContactDto>(await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/customers/{company.Id}/contacts/{contact.Id}", $"\"{contact.Version + 1}\"",
            new { name = "赵女士", birthday = (string?)null, isPrimary = true })));
        Assert.DoesNotContain((await Reminders(Who.Rep2, "?from=2026-11-20&to=2026-11-24")).Items, r => r.RecordId == contact.Id);
    }

    [Fact]
    public async Task A_moved_important_date_is_reminded_on_its_new_day_an_archived_customers_not_at_all_and_a_migrated_one_on_its_day()
    {
        var rep = await As(Who.Rep2);
        var customer = await Arrange.OwnedByAsync(App, Who.Rep2, "Moving anniversary Co",
            new { importantDates = new[] { new { label = "签约纪念日 Contract day", date = "2015-11-25" } } });
        var archived = await Arrange.OwnedByAsync(App, Who.Rep2, "Archived anniversary Co",
            new { importantDates = new[] { new { label = "成立日 Founded", date = "2010-11-25" } } });
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsync($"/api/v1/customers/{archived.Id}/archive", null)).StatusCode);
        async Task<List<(DateOnly, Guid)>> Dates() => (await Reminders(Who.Rep2, "?from=2026-11-25&to=2026-12-05")).Items
            .Where(r => r.Kind == ReminderKind.ImportantDate).Select(r => (r.Date, r.CustomerId!.Value)).ToList();
        Assert.Equal([(new DateOnly(2026, 11, 25), customer.Id)], await Dates());

        await Read<CustomerDto>(await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/customers/{customer.Id}", $"\"{customer.Version}\"",
            Arrange.UpdateBody(customer, b => b["importantDates"] = new[] { new { label = "签约纪念日 Contract day", date = "2015-12-03" } }))));
        Assert.Equal([(new DateOnly(2026, 12, 3), customer.Id)], await Dates());

        // Dates saved before the month-day key existed get theirs from the migration that adds it.
        await App.MigrateDownAndUpAgainAsync("ImportantDatesByMonthDay");
        Assert.Equal([(new DateOnly(2026, 12, 3), customer.Id)], await Dates());
    }

    [Fact]
    public async Task A_contacts_birthday_follows_its_customer_to_a_new_owner_and_a_merge_survivor_and_through_a_migration()
    {
        // Contacts carry a copy of their customer's owner for the day's birthdays; it must follow every move.
        var rep1 = await As(Who.Rep1);
        var transferred = await Arrange.OwnedByAsync(App, Who.Rep1, "Transferred birthday Co");
        var moved = await Read<ContactDto>(await rep1.PostAsJsonAsync($"/api/v1/customers/{transferred.Id}/contacts", new { name = "孙先生", birthday = "1979-12-10" }, Json), HttpStatusCode.Created);
        var duplicate = await Arrange.OwnedByAsync(App, Who.Rep1, "Duplicate birthday Co");
        var merged = await Read<ContactDto>(await rep1.PostAsJsonAsync($"/api/v1/customers/{duplicate.Id}/contacts", new { name = "周女士", birthday = "1983-12-10" }, Json), HttpStatusCode.Created);
        var survivor = await Arrange.OwnedByAsync(App, Who.Rep2, "Surviving birthday Co");
        async Task<List<Guid>> BornOnTheTenth(Who who) => (await Reminders(who, "?from=2026-12-10&to=2026-12-10")).Items
            .Where(r => r.Kind == ReminderKind.Birthday).Select(r => r.RecordId!.Value).Order().ToList();
        Assert.Equal(new[] { moved.Id, merged.Id }.Order(), await BornOnTheTenth(Who.Rep1));

        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.ManagerA)).PostAsJsonAsync($"/api/v1/customers/{transferred.Id}/transfer",
            new { newOwnerId = App.UserIds[Who.Rep2], reason = "Territory change" }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.Admin)).PostAsJsonAsync($"/api/v1/customers/{survivor.Id}/merge", new { duplicateId = duplicate.Id }, Json)).StatusCode);

        Assert.Equal(new[] { moved.Id, merged.Id }.Order(), await BornOnTheTenth(Who.Rep2));
        Assert.Empty(await BornOnTheTenth(Who.Rep1));

        // Contacts saved before the copy existed get theirs from the migration that adds it.
        await App.MigrateDownAndUpAgainAsync("ContactsCarryTheirOwner");
        Assert.Equal(new[] { moved.Id, merged.Id }.Order(), await BornOnTheTenth(Who.Rep2));
    }

    [Fact]
    public async Task Lunar_festivals_are_reminded_on_their_gregorian_dates()
    {
        var festivals = (await Reminders(Who.Rep1, "?from=2027-02-01&to=2027-02-28")).Items.Where(r => r.Kind == ReminderKind.Festival).ToList();
        Assert.Contains(festivals, f => f.Date == new DateOnly(2027, 2, 6) && f.Title.Contains("春节", StringComparison.Ordinal));
        Assert.Contains(festivals, f => f.Date == new DateOnly(2027, 2, 20) && f.Title.Contains("元宵", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_special_customer_not_contacted_for_two_weeks_is_reminded_and_a_recent_buyer_is_not()
    {
        var rep = await As(Who.Rep2);
        var quiet = await Arrange.OwnedByAsync(App, Who.Rep2, "Quiet special", new { level = "Special" });
        var recent = await Arrange.OwnedByAsync(App, Who.Rep2, "Recent special", new { level = "Special" });
        await rep.PostAsJsonAsync($"/api/v1/customers/{quiet.Id}/purchases", new { purchasedOn = "2026-10-01", product = "P", category = "C", quantity = 1, unitPrice = 1 }, Json);
        await rep.PostAsJsonAsync($"/api/v1/customers/{recent.Id}/purchases", new { purchasedOn = "2026-11-10", product = "P", category = "C", quantity = 1, unitPrice = 1 }, Json);

        var reminders = await Reminders(Who.Rep2);
        Assert.Contains(reminders.Items, r => r.Kind == ReminderKind.NotContacted && r.CustomerId == quiet.Id);
        Assert.DoesNotContain(reminders.Items, r => r.Kind == ReminderKind.NotContacted && r.CustomerId == recent.Id);
        Assert.Contains(reminders.Items, r => r.Kind == ReminderKind.VisitDue && r.CustomerId == quiet.Id);
    }

    [Fact]
    public async Task My_tasks_due_in_the_range_and_overdue_ones_are_reminded()
    {
        var rep = await As(Who.Rep3);
        await rep.PostAsJsonAsync("/api/v1/tasks", new { title = "Call the buyer", dueDate = "2026-11-19" }, Json);
        await rep.PostAsJsonAsync("/api/v1/tasks", new { title = "Late report", dueDate = "2026-11-10", backdated = true }, Json);
        await rep.PostAsJsonAsync("/api/v1/tasks", new { title = "Next month", dueDate = "2026-12-20" }, Json);
        var reminders = (await Reminders(Who.Rep3)).Items.Where(r => r.Kind == ReminderKind.TaskDue).ToList();
        Assert.Contains(reminders, r => r.Title.EndsWith("Call the buyer", StringComparison.Ordinal) && r.Date == new DateOnly(2026, 11, 19));
        Assert.Contains(reminders, r => r.Title.Contains("Overdue", StringComparison.Ordinal) && r.Title.EndsWith("Late report", StringComparison.Ordinal));
        Assert.DoesNotContain(reminders, r => r.Title.EndsWith("Next month", StringComparison.Ordinal));
        Assert.DoesNotContain((await Reminders(Who.Rep1)).Items, r => r.Kind == ReminderKind.TaskDue && r.Title.EndsWith("Call the buyer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_range_longer_than_three_months_is_refused() =>
        await Problem(await (await As(Who.Rep1)).GetAsync("/api/v1/reminders?from=2026-01-01&to=2026-12-31"), HttpStatusCode.BadRequest);
}

public sealed class ReminderTestsOnSqlite(SqliteApp app) : ReminderTests<SqliteApp>(app);

public sealed class ReminderTestsOnSqlServer(SqlServerApp app) : ReminderTests<SqlServerApp>(app);
