using System.Globalization;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Complaints;

public sealed record StandardAnswerDto(Guid Id, ComplaintCategory Category, string Question, string Answer, IReadOnlyList<string> Tags, long Version) : IVersioned
{
    public static StandardAnswerDto From(StandardAnswer a) => new(a.Id, a.Category, a.Question, a.Answer, a.Tags, a.Version);
}

public sealed record ScoredAnswerDto(StandardAnswerDto Answer, double Score);

public sealed record StandardAnswerInput(ComplaintCategory Category, string Question, string Answer, IReadOnlyList<string>? Tags);

public sealed class StandardAnswerInputValidator : AbstractValidator<StandardAnswerInput>
{
    public StandardAnswerInputValidator()
    {
        RuleFor(x => x.Question).NotEmpty().MaximumLength(500);
        RuleFor(x => x.Answer).NotEmpty().MaximumLength(4000);
        RuleFor(x => x.Tags).MaxItems(20);
        RuleForEach(x => x.Tags).NotEmpty().MaximumLength(40);
    }
}

public sealed record ListStandardAnswersQuery(ComplaintCategory? Category) : IRequest<Page<StandardAnswerDto>>;

public sealed class ListStandardAnswersHandler(CrmDbContext db) : IRequestHandler<ListStandardAnswersQuery, Page<StandardAnswerDto>>
{
    public async Task<Page<StandardAnswerDto>> Handle(ListStandardAnswersQuery request, CancellationToken cancellationToken)
    {
        var answers = db.StandardAnswers.AsNoTracking();
        if (request.Category is { } category) answers = answers.Where(a => a.Category == category);
        var rows = await answers.OrderBy(a => a.Category).ThenBy(a => a.Question).Take(StandardAnswerScoring.MaxAnswers).ToListAsync(cancellationToken);
        return new Page<StandardAnswerDto>(rows.Select(StandardAnswerDto.From).ToList(), null);
    }
}

public sealed record CreateStandardAnswerCommand(StandardAnswerInput Answer) : ICommand<StandardAnswerDto>;

public sealed class CreateStandardAnswerValidator : AbstractValidator<CreateStandardAnswerCommand>
{
    public CreateStandardAnswerValidator() => RuleFor(x => x.Answer).SetValidator(new StandardAnswerInputValidator()).OverridePropertyName("");
}

public sealed class CreateStandardAnswerHandler(CrmDbContext db) : IRequestHandler<CreateStandardAnswerCommand, StandardAnswerDto>
{
    public async Task<StandardAnswerDto> Handle(CreateStandardAnswerCommand request, CancellationToken cancellationToken)
    {
        var answer = new StandardAnswer();
        StandardAnswerScoring.Apply(answer, request.Answer);
        db.StandardAnswers.Add(answer);
        await db.SaveChangesAsync(cancellationToken);
        return StandardAnswerDto.From(answer);
    }
}

public sealed record UpdateStandardAnswerCommand(Guid Id, long ExpectedVersion, StandardAnswerInput Answer) : ICommand<StandardAnswerDto>;

public sealed class UpdateStandardAnswerValidator : AbstractValidator<UpdateStandardAnswerCommand>
{
    public UpdateStandardAnswerValidator() => RuleFor(x => x.Answer).SetValidator(new StandardAnswerInputValidator()).OverridePropertyName("");
}

public sealed class UpdateStandardAnswerHandler(CrmDbContext db) : IRequestHandler<UpdateStandardAnswerCommand, StandardAnswerDto>
{
    public async Task<StandardAnswerDto> Handle(UpdateStandardAnswerCommand request, CancellationToken cancellationToken)
    {
        var answer = await db.StandardAnswers.FirstOrDefaultAsync(a => a.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The standard answer");
        Preconditions.EnsureVersion(answer.Version, request.ExpectedVersion);
        StandardAnswerScoring.Apply(answer, request.Answer);
        await db.SaveChangesAsync(cancellationToken);
        return StandardAnswerDto.From(answer);
    }
}

public sealed record DeleteStandardAnswerCommand(Guid Id, long ExpectedVersion) : ICommand<Unit>;

public sealed class DeleteStandardAnswerHandler(CrmDbContext db) : IRequestHandler<DeleteStandardAnswerCommand, Unit>
{
    public async Task<Unit> Handle(DeleteStandardAnswerCommand request, CancellationToken cancellationToken)
    {
        var answer = await db.StandardAnswers.FirstOrDefaultAsync(a => a.Id == request.Id, cancellationToken) ?? throw new NotFoundException("The standard answer");
        Preconditions.EnsureVersion(answer.Version, request.ExpectedVersion);
        db.StandardAnswers.Remove(answer);
        return Unit.Value;
    }
}

/// <summary>Standard answers for a complaint, best first: same category first, then by shared words with the description.</summary>
public sealed record SuggestedAnswersQuery(Guid ComplaintId) : IRequest<Page<ScoredAnswerDto>>;

public sealed class SuggestedAnswersHandler(CrmDbContext db) : IRequestHandler<SuggestedAnswersQuery, Page<ScoredAnswerDto>>
{
    public async Task<Page<ScoredAnswerDto>> Handle(SuggestedAnswersQuery request, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.AsNoTracking().Where(c => c.Id == request.ComplaintId)
            .Select(c => new { c.Category, c.Description }).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The complaint");
        var answers = await db.StandardAnswers.AsNoTracking().Take(StandardAnswerScoring.MaxAnswers).ToListAsync(cancellationToken);
        var ranked = answers
            .Select(a => new ScoredAnswerDto(StandardAnswerDto.From(a), StandardAnswerScoring.Score(a, complaint.Category, complaint.Description)))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Answer.Question, StringComparer.Ordinal)
            .Take(10).ToList();
        return new Page<ScoredAnswerDto>(ranked, null);
    }
}

internal static class StandardAnswerScoring
{
    /// <summary>The standard Q&amp;A is a short book of frequent complaints; it is ranked in memory.</summary>
    public const int MaxAnswers = 2000;

    public static void Apply(StandardAnswer answer, StandardAnswerInput input)
    {
        answer.Category = input.Category;
        answer.Question = input.Question.Trim();
        answer.Answer = input.Answer.Trim();
        answer.Tags = (input.Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static double Score(StandardAnswer answer, ComplaintCategory category, string description)
    {
        var wanted = Tokens(description);
        var offered = Tokens(answer.Question + " " + string.Join(' ', answer.Tags));
        var shared = wanted.Count == 0 ? 0 : wanted.Intersect(offered).Count();
        var text = wanted.Count == 0 ? 0 : (double)shared / wanted.Count;
        return Math.Round((answer.Category == category ? 1.0 : 0) + text, 3);
    }

    /// <summary>Latin words of four letters or more (shorter ones are mostly 'the', 'was'...), and two-character pieces of Chinese text (Chinese has no spaces).</summary>
    public static HashSet<string> Tokens(string text)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var lower = text.ToLower(CultureInfo.InvariantCulture);
        var word = new System.Text.StringBuilder();
        char? previousHan = null;
        foreach (var ch in lower + " ")
        {
            var han = ch >= '\u4e00' && ch <= '\u9fff';
            if (char.IsLetterOrDigit(ch) && !han) word.Append(ch);
            else
            {
                if (word.Length >= 4) tokens.Add(word.ToString());
                word.Clear();
            }
            if (han && previousHan is { } p) tokens.Add($"{p}{ch}");
            previousHan = han ? ch : null;
        }
        return tokens;
    }
}
