using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Api.Persistence;

#pragma warning disable EF9100 // The processor is EF Core's hook between building a query's executor and compiling it.

/// <summary>
/// Compiles the lambdas nested in a query's executor (the shaper that turns a row into a result, a collection's
/// element shaper) once, with the query, instead of on every execution.
/// </summary>
/// <remarks>
/// EF Core hands the executor to <see cref="LambdaExpression.Compile()"/> with its shaper as a nested lambda.
/// The expression compiler turns a nested lambda into a delegate each time the code around it runs
/// (<c>DynamicMethod.CreateDelegate</c>): once per query for the shaper, and once per row for each collection's
/// element shaper. That was 3–4% of a get by id's CPU (docs/performance.md, "Nineteenth round"). A nested lambda that
/// uses nothing of the code around it, only its own parameters and variables, behaves the same as a delegate made
/// once, so it is compiled here and put in the executor as a constant. A lambda that does use an outer variable is
/// left as it is.
/// </remarks>
public sealed class ShapersCompiledOnce(
    ShapedQueryCompilingExpressionVisitorDependencies dependencies,
    RelationalShapedQueryCompilingExpressionVisitorDependencies relationalDependencies,
    RelationalCommandBuilderDependencies commandBuilderDependencies)
    : RelationalLiftableConstantProcessor(dependencies, relationalDependencies, commandBuilderDependencies)
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options) =>
        options.ReplaceService<ILiftableConstantProcessor, ShapersCompiledOnce>();

    public override Expression InlineConstants(Expression expression, bool supportsPrecompiledQuery)
    {
        var inlined = base.InlineConstants(expression, supportsPrecompiledQuery);
        return inlined is LambdaExpression executor ? WithNestedLambdasCompiled(executor) : inlined;
    }

    /// <summary>The executor with each self-contained lambda inside it replaced by its delegate, compiled now.</summary>
    public static LambdaExpression WithNestedLambdasCompiled(LambdaExpression executor) =>
        Expression.Lambda(executor.Type, new NestedLambdas().Visit(executor.Body), executor.Name, executor.TailCall, executor.Parameters);

    /// <summary>Replaces each self-contained nested lambda by its compiled delegate, innermost first.</summary>
    private sealed class NestedLambdas : ExpressionVisitor
    {
        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            var visited = (Expression<T>)base.VisitLambda(node);
            return UsesOuterVariables.In(visited) ? visited : Expression.Constant(visited.Compile(), visited.Type);
        }

        // A quoted lambda is data for whoever reads it, not code to run.
        protected override Expression VisitUnary(UnaryExpression node) =>
            node.NodeType == ExpressionType.Quote ? node : base.VisitUnary(node);
    }

    /// <summary>Whether a lambda reads a parameter or variable that it does not declare itself.</summary>
    private sealed class UsesOuterVariables : ExpressionVisitor
    {
        private readonly Dictionary<ParameterExpression, int> declared = [];
        private bool found;

        public static bool In(LambdaExpression lambda)
        {
            var check = new UsesOuterVariables();
            check.Visit(lambda);
            return check.found;
        }

        public override Expression? Visit(Expression? node) => found ? node : base.Visit(node);

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            Declare(node.Parameters, +1);
            Visit(node.Body);
            Declare(node.Parameters, -1);
            return node;
        }

        protected override Expression VisitBlock(BlockExpression node)
        {
            Declare(node.Variables, +1);
            Visit(node.Expressions);
            Declare(node.Variables, -1);
            return node;
        }

        protected override CatchBlock VisitCatchBlock(CatchBlock node)
        {
            ParameterExpression[] variable = node.Variable is { } v ? [v] : [];
            Declare(variable, +1);
            Visit(node.Filter);
            Visit(node.Body);
            Declare(variable, -1);
            return node;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (!declared.TryGetValue(node, out var count) || count == 0) found = true;
            return node;
        }

        private void Declare(IEnumerable<ParameterExpression> names, int change)
        {
            foreach (var name in names) declared[name] = declared.GetValueOrDefault(name) + change;
        }
    }
}
