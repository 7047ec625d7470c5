namespace Crm.Api.Domain;

/// <summary>
/// One cell of the composition analysis kept on write: the customers of one owner who bought in one group (a level,
/// category, region, industry or the owner itself) in one month, split by the month each of them last bought in that
/// group before. Sales sum over cells; a customer is counted once in a run of whole months [first, last] by counting
/// only the cells whose <see cref="PreviousMonth"/> is before the first month, so the distinct customers of any
/// whole-month period come from a few thousand cells instead of a row per customer (Persistence/CompositionCells.cs,
/// docs/decisions/0015-composition-cells.md). Rows with <see cref="Guid.Empty"/> as owner hold the whole base's cells
/// for every dimension but the owner, so a whole-base report does not add up 200 owners' cells.
/// </summary>
public class CompositionCell
{
    public CompositionDimension Dimension { get; set; }
    public Guid OwnerId { get; set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    /// <summary>The group as the report names it: the level's name, the category, region or industry ("" when none); "" for the owner dimension, whose group is the owner.</summary>
    public string Key { get; set; } = "";
    /// <summary>The first day of the month these customers last bought in the group before <see cref="Month"/>; <see cref="DateOnly.MinValue"/> when never.</summary>
    public DateOnly PreviousMonth { get; set; }
    public decimal Amount { get; set; }
    public int Customers { get; set; }
}
