using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Ports;
using Workflows.Engine.State;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;
using Workflows.Storage.Sqlite;

namespace Workflows.Server.Tests;

public sealed class CaseServiceTests : IAsyncLifetime
{
    private const string Item = "agri-machinery-registration";
    private static readonly Actor Clerk = new("clerk", Window: "comprehensive-2");
    private static readonly Actor Reviewer = new("reviewer", "agriculture", "reviewer");
    private static readonly Actor Head = new("head", "agriculture", "head");
    private static readonly Actor Issuer = new("issuer", Window: "issuance");

    private readonly Repo.SampleCounty _county = new();
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));
    private DefinitionCatalog _catalog = null!;
    private ICaseStore _store = null!;
    private CaseService _service = null!;
    private static CancellationToken Ct => CancellationToken.None;
    private string DataFolder => Path.Combine(_county.Root, "data");

    public async Task InitializeAsync()
    {
        _catalog = new DefinitionCatalog(_county.Definitions, Path.Combine(_county.Root, "templates"), NullLogger<DefinitionCatalog>.Instance);
        Assert.True(_catalog.Reload(), string.Join("\n", _catalog.LastDiagnostics));
        Directory.CreateDirectory(DataFolder);
        _store = await SqliteCaseStore.OpenInFolderAsync(DataFolder);
        _service = new CaseService(_store, _catalog, DataFolder, _clock);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _county.Dispose();
    }

    private static ReceiveMaterials Receive() => new("", "", new Applicant(ApplicantType.Person, "张建国", "230903197806123513", "13800000000"),
        new JsonObject(),
        new[] { "application", "owner-id-card", "origin-proof", "conformity-certificate", "inspection-certificate" }
            .Select(id => new MaterialRecord(id, MaterialStatus.Received)).ToList(),
        Clerk);

    private async Task<CaseCommandResult.Ok> Run(Guid id, CaseCommand command, string? key = null, CaseService? service = null)
    {
        var result = await (service ?? _service).ExecuteAsync(id, command, key, Item, cancellationToken: Ct);
        Assert.True(result is CaseCommandResult.Ok, $"{command.GetType().Name}: {result}");
        return (CaseCommandResult.Ok)result;
    }

    private static string TaskAt(CaseState state, string step) => Assert.Single(state.ActiveTasks, t => t.StepId == step).Id;

    [Fact]
    public async Task Lifecycle_OfAgriMachineryRegistration_ReachesCompletedWithNumberAndIntactChain()
    {
        var id = Guid.NewGuid();
        var received = await Run(id, Receive());
        Assert.Equal("桃山-2026-000001", received.Number);
        Assert.Equal("桃山-2026-000001", received.State.Number);

        var s = (await Run(id, new Accept(Clerk))).State;
        s = (await Run(id, new CompleteTask(Reviewer, TaskAt(s, "review"), "pass", "材料齐全"))).State;
        s = (await Run(id, new CompleteTask(Head, TaskAt(s, "decide"), "grant", "准予登记"))).State;
        Assert.Single(s.Documents);
        var documentId = s.Documents[0].DocumentId;
        // Rendered after the commit into the store (the content table), under the id the event names.
        var bytes = await _service.Documents.FindAsync(documentId, Ct);
        Assert.NotNull(bytes);
        var pdf = Path.Combine(Directory.CreateDirectory(Path.Combine(DataFolder, "pdf")).FullName, documentId + ".pdf");
        await File.WriteAllBytesAsync(pdf, bytes!, Ct);
        Assert.Contains("张建国", Pdf.Text(pdf));
        Assert.False(Directory.Exists(Path.Combine(DataFolder, "documents")));
        // The certificate is registered for verification under its GB/T 36904 identifier, in the grant's
        // transaction, with the PDF's hash once rendered, and its QR code carries the verification URL.
        var register = (ICertificateRegister)_store;
        var entry = Assert.Single(await register.CertificatesOfCaseAsync(id, Ct));
        var identifier = entry.Identifier;
        Assert.True(Workflows.Domain.ECertificateIdentifier.IsValid(identifier), identifier);
        // The type code is the item's result.type-code (GB/T 36904), not anything the applicant typed.
        Assert.StartsWith("1.2.156.3005.2.NYJXDJZS.", identifier);
        Assert.Equal(documentId, entry.DocumentId);
        var registered = (await new Workflows.Server.Documents.StoreCertificateRegistry(register).FindAsync(identifier, Ct))!;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes!)), registered.PdfSha256);
        Assert.Equal("张建国", registered.HolderName);
        Assert.Equal([$"{Workflows.Server.Hosting.ServerOptions.DefaultPublicUrl}/verify/{identifier}"], Pdf.QrCodes(pdf));
        Assert.False(Directory.Exists(Path.Combine(DataFolder, "certificates")));
        var done = await Run(id, new CompleteTask(Issuer, TaskAt(s, "deliver"), null));

        Assert.Equal(CaseStatus.Completed, done.State.Status);
        var loaded = (await _service.LoadAsync(id, Ct))!.Value;
        Assert.Equal(CaseStatus.Completed, loaded.State.Status);
        Assert.Equal(done.Version, loaded.Stored.Version);
        Assert.Equal(CaseJson.Serialize(done.State), CaseJson.Serialize(loaded.State));
        Assert.Equal("Completed", loaded.Stored.Snapshot.Index.Status);
        var events = await _store.ReadEventsAsync(id, Ct);
        Assert.Equal("case-received", events[0].Type);
        Assert.Contains(events, e => e.Type == "case-closed");
        Assert.Empty(await _store.VerifyAsync(Ct));

        var second = await Run(Guid.NewGuid(), Receive());
        Assert.Equal("桃山-2026-000002", second.Number);
    }

    [Fact]
    public async Task RetriedCommand_WithSameKey_ReturnsSameResultAndAppendsNothing()
    {
        var id = Guid.NewGuid();
        var first = await Run(id, Receive(), "create-1");
        var again = await Run(id, Receive(), "create-1");
        Assert.True(again.Replayed);
        Assert.Equal(first.Number, again.Number);

        var accepted = await Run(id, new Accept(Clerk), "accept-1");
        var count = (await _store.ReadEventsAsync(id, Ct)).Count;
        var retried = await Run(id, new Accept(Clerk), "accept-1");
        Assert.True(retried.Replayed);
        Assert.Equal(accepted.Version, retried.Version);
        Assert.Equal(count, (await _store.ReadEventsAsync(id, Ct)).Count);

        var other = await _service.ExecuteAsync(id, new Urge(Clerk, null, "快办"), "accept-1", cancellationToken: Ct);
        Assert.IsType<CaseCommandResult.IdempotencyMismatch>(other);
    }

    [Fact]
    public async Task TwoServices_CompletingTheSameTask_OneWinsOneConflicts()
    {
        var id = Guid.NewGuid();
        await Run(id, Receive());
        var accepted = await Run(id, new Accept(Clerk));
        var task = TaskAt(accepted.State, "review");
        await using var otherStore = await SqliteCaseStore.OpenInFolderAsync(DataFolder, Ct);
        var other = new CaseService(otherStore, _catalog, DataFolder, _clock);

        var results = await Task.WhenAll(
            _service.ExecuteAsync(id, new CompleteTask(Reviewer, task, "pass"), expectedVersion: accepted.Version, cancellationToken: Ct),
            other.ExecuteAsync(id, new CompleteTask(Reviewer, task, "pass"), expectedVersion: accepted.Version, cancellationToken: Ct));

        Assert.Single(results, r => r is CaseCommandResult.Ok);
        Assert.Single(results, r => r is CaseCommandResult.Conflict);
        Assert.Empty(await _store.VerifyAsync(Ct));
    }

    [Fact]
    public async Task DomainError_PassesTheEngineCodeThroughAndStoresNothing()
    {
        var id = Guid.NewGuid();
        await Run(id, Receive());
        var accepted = await Run(id, new Accept(Clerk));
        var count = (await _store.ReadEventsAsync(id, Ct)).Count;

        var result = await _service.ExecuteAsync(id, new CompleteTask(Reviewer, "no-such-task", "pass"), cancellationToken: Ct);

        Assert.Equal("WF6002", Assert.IsType<CaseCommandResult.Rejected>(result).Code);
        Assert.Equal(count, (await _store.ReadEventsAsync(id, Ct)).Count);
        Assert.Equal(accepted.Version, (await _store.LoadAsync(id, Ct))!.Version);
        Assert.IsType<CaseCommandResult.NotFound>(await _service.ExecuteAsync(Guid.NewGuid(), new Accept(Clerk), cancellationToken: Ct));
    }

    [Fact]
    public async Task EditedWorkflow_RoutesNewCasesOnly_OldCaseKeepsItsVersionAlsoAfterRestart()
    {
        var old = Guid.NewGuid();
        await Run(old, Receive());
        var oldAccepted = await Run(old, new Accept(Clerk));
        var workflow = Path.Combine(_county.Definitions, "items", Item, "workflow.yaml");
        // The new route skips the head's decision: a passed review goes straight to issuing.
        await File.WriteAllTextAsync(workflow, (await File.ReadAllTextAsync(workflow, Ct)).Replace("      pass: decide", "      pass: issue\n      escalate: decide"), Ct);
        Assert.True(_catalog.Reload(), string.Join("\n", _catalog.LastDiagnostics));
        Assert.NotEqual(oldAccepted.State.DefinitionVersion, _catalog.Current!.Version);

        var fresh = Guid.NewGuid();
        await Run(fresh, Receive());
        var freshAccepted = await Run(fresh, new Accept(Clerk));
        var freshPassed = await Run(fresh, new CompleteTask(Reviewer, TaskAt(freshAccepted.State, "review"), "pass"));
        Assert.Equal(_catalog.Current.Version, freshPassed.State.DefinitionVersion);
        Assert.Single(freshPassed.State.ActiveTasks, t => t.StepId == "deliver");

        // A restarted server has only the new files on disk; the old version comes from the archive.
        var restartedCatalog = new DefinitionCatalog(_county.Definitions, Path.Combine(_county.Root, "templates"), NullLogger<DefinitionCatalog>.Instance);
        Assert.True(restartedCatalog.Reload());
        await using var restartedStore = await SqliteCaseStore.OpenInFolderAsync(DataFolder, Ct);
        var restarted = new CaseService(restartedStore, restartedCatalog, Path.Combine(_county.Root, "data-restarted"), _clock);
        var oldPassed = await Run(old, new CompleteTask(Reviewer, TaskAt(oldAccepted.State, "review"), "pass"), service: restarted);
        Assert.Equal(oldAccepted.State.DefinitionVersion, oldPassed.State.DefinitionVersion);
        Assert.Single(oldPassed.State.ActiveTasks, t => t.StepId == "decide");
    }

    [Fact]
    public async Task RefusedReceipt_ConsumesNoCaseNumber()
    {
        var refused = await _service.ExecuteAsync(Guid.NewGuid(), Receive() with { Materials = [] }, itemId: "no-such-item", cancellationToken: Ct);
        Assert.IsType<CaseCommandResult.Rejected>(refused);
        var badApplicant = Receive() with { Applicant = new Applicant(ApplicantType.Person, "", "", null) };
        Assert.IsType<CaseCommandResult.Rejected>(await _service.ExecuteAsync(Guid.NewGuid(), badApplicant, itemId: Item, cancellationToken: Ct));

        var next = await Run(Guid.NewGuid(), Receive());

        Assert.Equal("桃山-2026-000001", next.Number);
    }

    private sealed class FixedClock(DateTimeOffset now) : IClock
    {
        public DateTimeOffset Now { get; } = now;
    }
}
