using Crm.Api.Domain;

namespace Crm.Api.UnitTests.Domain;

public class CustomerRulesTests
{
    private static Customer NewCustomer() => new(Guid.CreateVersion7()) { Name = "华东机电有限公司", Code = "C-000001" };

    [Fact]
    public void A_new_customer_is_a_prospect()
    {
        var customer = NewCustomer();
        Assert.Equal(Lifecycle.Prospect, customer.Lifecycle);
        Assert.Equal(CustomerState.Potential, customer.State);
    }

    [Fact]
    public void A_prospect_becomes_active_on_its_first_purchase()
    {
        var customer = NewCustomer();
        customer.RecordPurchase();
        Assert.Equal(Lifecycle.Active, customer.Lifecycle);
        Assert.Equal(CustomerState.Actual, customer.State);
    }

    [Fact]
    public void A_lapsed_customer_who_buys_again_is_won_back()
    {
        var customer = NewCustomer();
        customer.RecordPurchase();
        customer.MarkLapsed();
        customer.RecordPurchase();
        Assert.Equal(Lifecycle.Active, customer.Lifecycle);
    }

    [Fact]
    public void An_archived_customer_cannot_buy()
    {
        var customer = NewCustomer();
        customer.Archive(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Throws<DomainRuleException>(customer.RecordPurchase);
    }

    [Fact]
    public void Archiving_sets_the_history_flag_and_restoring_returns_to_the_previous_stage()
    {
        var customer = NewCustomer();
        customer.RecordPurchase();
        var when = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        customer.Archive(when);
        Assert.Equal(when, customer.ArchivedAt);
        Assert.Equal(Lifecycle.Archived, customer.Lifecycle);
        customer.Restore();
        Assert.Null(customer.ArchivedAt);
        Assert.Equal(Lifecycle.Active, customer.Lifecycle);
    }

    [Fact]
    public void An_alert_needs_a_reason()
    {
        var customer = NewCustomer();
        Assert.Throws<DomainRuleException>(() => customer.SetAlert(true, " "));
        customer.SetAlert(true, "逾期付款");
        Assert.True(customer.IsAlerted);
        customer.SetAlert(false, null);
        Assert.Null(customer.AlertReason);
    }

    [Fact]
    public void Transferring_to_the_current_owner_is_refused()
    {
        var owner = Guid.CreateVersion7();
        var customer = new Customer(owner) { Name = "x" };
        Assert.Throws<DomainRuleException>(() => customer.TransferTo(owner));
    }

    [Fact]
    public void Tags_are_replaced_without_duplicates_ignoring_case()
    {
        var customer = NewCustomer();
        customer.ReplaceTags(["VIP", "vip", "expo"]);
        Assert.Equal(["VIP", "expo"], customer.Tags.Select(t => t.Tag));
        customer.ReplaceTags(["expo"]);
        Assert.Equal(["expo"], customer.Tags.Select(t => t.Tag));
    }
}

public class PurchaseRulesTests
{
    [Fact]
    public void Amount_is_quantity_times_unit_price_rounded_to_cents()
    {
        var purchase = new Purchase();
        purchase.Price(3m, 19.995m, null);
        Assert.Equal(59.99m, purchase.Amount);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-1, 10)]
    [InlineData(1, -0.01)]
    public void Quantity_must_be_positive_and_price_not_negative(decimal quantity, decimal unitPrice) =>
        Assert.Throws<DomainRuleException>(() => new Purchase().Price(quantity, unitPrice, null));
}

public class CustomerSearchTermTests
{
    [Fact]
    public void Terms_cover_the_whole_text_each_word_and_the_digits_of_phone_numbers()
    {
        var terms = CustomerSearchTerm.TermsOf("Northwind Traders", "021-6234 5678", null).ToList();
        Assert.Contains("northwind traders", terms);
        Assert.Contains("traders", terms);
        Assert.Contains("02162345678", terms);
    }

    [Fact]
    public void A_word_the_whole_text_starts_with_adds_no_term_because_the_whole_text_already_matches_its_prefixes()
    {
        var terms = CustomerSearchTerm.TermsOf("Northwind Traders", "C-000123").ToList();
        Assert.Equal(["northwind traders", "traders", "c-000123", "000123"], terms);
        // In an e-mail address only the mailbox leads: the domain's words are terms of their own.
        Assert.Equal(["buyer@acme.example", "acme", "example"], CustomerSearchTerm.TermsOf("buyer@acme.example").ToList());
    }

    [Fact]
    public void Chinese_names_are_searchable_by_their_leading_characters()
    {
        var terms = CustomerSearchTerm.TermsOf("张伟").ToList();
        var prefix = "张";
        Assert.Contains(terms, t => string.CompareOrdinal(t, prefix) >= 0 && string.CompareOrdinal(t, CustomerSearchTerm.UpperBound(prefix)) < 0);
    }

    [Fact]
    public void The_upper_bound_of_a_prefix_is_above_every_extension_and_below_the_next_prefix()
    {
        var bound = CustomerSearchTerm.UpperBound("ab");
        Assert.True(string.CompareOrdinal("abzzzz", bound) < 0);
        Assert.True(string.CompareOrdinal("ac", bound) >= 0);
    }
}
