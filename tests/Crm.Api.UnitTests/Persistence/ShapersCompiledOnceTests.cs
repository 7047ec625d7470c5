using System.Linq.Expressions;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.UnitTests.Persistence;

/// <summary>
/// A query's executor keeps no self-contained lambda inside it: each becomes a delegate compiled once with the query,
/// so running the query does not build it again. A lambda that reads a variable of the code around it stays as it is,
/// and the executor gives the same answers either way.
/// </summary>
public sealed class ShapersCompiledOnceTests
{
    private static readonly ParameterExpression Row = Expression.Parameter(typeof(int), "row");
    private static readonly ParameterExpression Value = Expression.Parameter(typeof(int), "value");

    [Fact]
    public void A_lambda_that_uses_only_its_own_parameters_becomes_a_delegate_compiled_once()
    {
        // row => Twice(value => value * 2, row)
        var shaper = Expression.Lambda<Func<int, int>>(Expression.Multiply(Value, Expression.Constant(2)), Value);
        var executor = Expression.Lambda<Func<int, int>>(Expression.Invoke(shaper, Row), Row);

        var processed = ShapersCompiledOnce.WithNestedLambdasCompiled(executor);

        Assert.Equal(0, NestedLambdas(processed));
        var constant = Assert.Single(Constants(processed));
        Assert.IsType<Func<int, int>>(constant.Value);
        Assert.Equal(14, ((Func<int, int>)processed.Compile())(7));
    }

    [Fact]
    public void A_lambda_that_reads_a_parameter_of_the_code_around_it_stays_a_lambda()
    {
        // row => (value => row + value)(3)
        var closure = Expression.Lambda<Func<int, int>>(Expression.Add(Row, Value), Value);
        var executor = Expression.Lambda<Func<int, int>>(Expression.Invoke(closure, Expression.Constant(3)), Row);

        var processed = ShapersCompiledOnce.WithNestedLambdasCompiled(executor);

        Assert.Equal(1, NestedLambdas(processed));
        Assert.Equal(10, ((Func<int, int>)processed.Compile())(7));
    }

    [Fact]
    public void A_lambda_that_reads_a_variable_of_an_enclosing_block_stays_a_lambda()
    {
        // row => { total = row * 10; return (value => total + value)(row); }
        var total = Expression.Variable(typeof(int), "total");
        var closure = Expression.Lambda<Func<int, int>>(Expression.Add(total, Value), Value);
        var executor = Expression.Lambda<Func<int, int>>(
            Expression.Block([total], Expression.Assign(total, Expression.Multiply(Row, Expression.Constant(10))), Expression.Invoke(closure, Row)),
            Row);

        var processed = ShapersCompiledOnce.WithNestedLambdasCompiled(executor);

        Assert.Equal(1, NestedLambdas(processed));
        Assert.Equal(77, ((Func<int, int>)processed.Compile())(7));
    }

    [Fact]
    public void A_lambda_that_declares_again_a_parameter_of_the_code_around_it_and_its_own_block_variables_is_self_contained()
    {
        // EF Core's shaper declares the executor's own query-context parameter again: row => (row => { doubled = row * 2; doubled + 1 })(row)
        var doubled = Expression.Variable(typeof(int), "doubled");
        var shaper = Expression.Lambda<Func<int, int>>(
            Expression.Block([doubled], Expression.Assign(doubled, Expression.Multiply(Row, Expression.Constant(2))), Expression.Add(doubled, Expression.Constant(1))),
            Row);
        var executor = Expression.Lambda<Func<int, int>>(Expression.Invoke(shaper, Row), Row);

        var processed = ShapersCompiledOnce.WithNestedLambdasCompiled(executor);

        Assert.Equal(0, NestedLambdas(processed));
        Assert.Equal(15, ((Func<int, int>)processed.Compile())(7));
    }

    [Fact]
    public void An_inner_self_contained_lambda_is_compiled_even_where_the_lambda_around_it_is_a_closure()
    {
        // row => (value => row + (value => value * 2)(value))(1)
        var inner = Expression.Lambda<Func<int, int>>(Expression.Multiply(Value, Expression.Constant(2)), Value);
        var closure = Expression.Lambda<Func<int, int>>(Expression.Add(Row, Expression.Invoke(inner, Value)), Value);
        var executor = Expression.Lambda<Func<int, int>>(Expression.Invoke(closure, Expression.Constant(1)), Row);

        var processed = ShapersCompiledOnce.WithNestedLambdasCompiled(executor);

        Assert.Equal(1, NestedLambdas(processed));
        Assert.Single(Constants(processed), c => c.Value is Func<int, int>);
        Assert.Equal(9, ((Func<int, int>)processed.Compile())(7));
    }

    [Fact]
    public void A_quoted_lambda_is_left_as_an_expression()
    {
        var quoted = Expression.Lambda<Func<int, int>>(Expression.Negate(Value), Value);
        var executor = Expression.Lambda<Func<int, Expression<Func<int, int>>>>(Expression.Quote(quoted), Row);

        var processed = ShapersCompiledOnce.WithNestedLambdasCompiled(executor);

        Assert.Equal(1, NestedLambdas(processed));
        var answer = ((Func<int, Expression<Func<int, int>>>)processed.Compile())(7);
        Assert.Equal(-3, answer.Compile()(3));
    }

    private static int NestedLambdas(LambdaExpression executor) => Find(executor).Lambdas;

    private static List<ConstantExpression> Constants(LambdaExpression executor) => Find(executor).Constants;

    private static Finder Find(LambdaExpression executor)
    {
        var finder = new Finder();
        finder.Visit(executor.Body);
        return finder;
    }

    private sealed class Finder : ExpressionVisitor
    {
        public int Lambdas { get; private set; }
        public List<ConstantExpression> Constants { get; } = [];

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            Lambdas++;
            return base.VisitLambda(node);
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            Constants.Add(node);
            return base.VisitConstant(node);
        }
    }
}

/// <summary>Both providers' contexts compile their queries with <see cref="ShapersCompiledOnce"/>.</summary>
public sealed class ShapersCompiledOnceRegistrationTests
{
    [Theory]
    [InlineData("Sqlite", "Data Source=unused-shapers-test.db")]
    [InlineData("SqlServer", "Server=127.0.0.1;Database=unused;Trusted_Connection=False")]
    public void Every_context_of_either_provider_compiles_its_shapers_once(string provider, string connection)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Crm"] = connection,
        }).Build();
        using var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddCrmDatabase(config).BuildServiceProvider();

        using var db = provider == "Sqlite"
            ? (CrmDbContext)services.GetRequiredService<IDbContextFactory<SqliteCrmDbContext>>().CreateDbContext()
            : services.GetRequiredService<IDbContextFactory<SqlServerCrmDbContext>>().CreateDbContext();

#pragma warning disable EF9100 // the service is EF Core's experimental hook
        Assert.IsType<ShapersCompiledOnce>(db.GetService<ILiftableConstantProcessor>());
#pragma warning restore EF9100
    }
}
