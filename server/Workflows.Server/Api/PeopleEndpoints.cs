using Workflows.Server.Auth;
using Workflows.Storage;

namespace Workflows.Server.Api;

/// <summary>
/// 人员名录: user name → display name for every signed-in user, so timelines, tasks and opinions show
/// 王芳 instead of <c>education-reviewer</c>. Only names: roles, departments and sign-in times stay
/// with the administrator's account list.
/// </summary>
public static class PeopleEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/people", List).WithTags("账号管理 accounts")
            .WithSummary("人员名录：用户名与姓名，供时间线、任务和意见显示姓名 (user names and display names)")
            .Produces<PeopleList>().ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> List(HttpContext context, IAccountStore accounts)
    {
        if (CurrentUser.From(context.User) is null) return Problems.SignInRequired();
        var all = await accounts.ListAccountsAsync(context.RequestAborted);
        return TypedResults.Ok(new PeopleList(all.OrderBy(a => a.UserName, StringComparer.Ordinal)
            .Select(a => new Person(a.UserName, a.DisplayName)).ToList()));
    }
}

public sealed record PeopleList(IReadOnlyList<Person> People);

public sealed record Person(string UserName, string DisplayName);
