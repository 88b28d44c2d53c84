namespace Workflows.Storage.Tests;

/// <summary>
/// The one compliance suite every <see cref="ICaseStore"/> provider must pass, on a real
/// database. A provider's subclass only opens the store and runs raw SQL for the tamper tests;
/// the behaviour lives here (one file per topic).
/// </summary>
public abstract partial class CaseStoreComplianceTests : IAsyncLifetime
{
    private ICaseStore? _store;

    protected ICaseStore Store => _store ?? throw new InvalidOperationException("The store is not open.");

    /// <summary>Opens the provider's store on the same database every time it is called.</summary>
    protected abstract Task<ICaseStore> OpenStoreAsync();

    /// <summary>Runs raw SQL against the store's tables (tampering); <c>@case</c> is bound to the case id.</summary>
    protected abstract Task ExecuteRawAsync(string sql, Guid caseId);

    public virtual async Task InitializeAsync() => _store = await OpenStoreAsync();

    public virtual async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }

    /// <summary>Closes the store and opens it again, as a restarted server would.</summary>
    protected async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        _store = null;
        _store = await OpenStoreAsync();
    }

    protected async Task<CreateResult.Created> CreateAsync(NewCase newCase) =>
        Assert.IsType<CreateResult.Created>(await Store.CreateCaseAsync(newCase));

    /// <summary>Starts all actions together on pool threads so they really race.</summary>
    protected static async Task<T[]> RaceAsync<T>(int count, Func<int, Task<T>> action)
    {
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await action(i);
        })).ToArray();
        start.Set();
        return await Task.WhenAll(tasks);
    }
}
