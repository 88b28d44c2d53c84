using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Workflows.Server.Tests;

/// <summary>
/// The generated authorisation matrix: every case operation of the server's own
/// <c>/openapi/v1.json</c> × every kind of demo identity × five states of a 农业农村局 拖拉机登记 case
/// (received at window 2). What each cell may do comes from the declarative <see cref="Table"/>
/// below, never from the server: allowed → 2xx; otherwise 403 when the identity sees the case, 404
/// when it must not even learn that it exists (401 when not signed in), each with a WF94xx code.
/// The reads that are not about one case run once per identity (<see cref="RoleReads"/>), and so do
/// the state-changing operations that are not case commands (<see cref="RoleWrites"/>). Every
/// operation of the OpenAPI document must be in a table (or named as tested elsewhere), so a new
/// endpoint fails here until someone decides who may call it.
/// </summary>
public sealed class AuthorizationMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Item = "agri-machinery-registration";
    private RunningServer _server = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];

    // With the county work tree, so that the designer's writes answer as they do in production.
    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(demo: true, workTree: true);

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>The case states of the sample item the matrix runs in.</summary>
    public enum At { Intake, Review, Granted, Finished, Suspended }

    /// <summary>How an identity stands to the sample case.</summary>
    private enum Who { Anonymous, Admin, Supervisor, IntakeClerk, OtherClerk, IssuanceClerk, Reviewer, Head, Editor, OtherReviewer, OtherHead, OtherEditor }

    private static readonly (string Account, Who Who)[] Identities =
    [
        ("", Who.Anonymous), ("admin", Who.Admin), ("supervisor", Who.Supervisor),
        ("clerk-comprehensive-2", Who.IntakeClerk), ("clerk-comprehensive-1", Who.OtherClerk), ("clerk-issuance", Who.IssuanceClerk),
        ("agriculture-reviewer", Who.Reviewer), ("agriculture-head", Who.Head), ("agriculture-editor", Who.Editor),
        ("water-reviewer", Who.OtherReviewer), ("water-head", Who.OtherHead), ("water-editor", Who.OtherEditor),
    ];

    /// <summary>The answer a cell expects.</summary>
    private enum Expect { Denied, Allowed, EngineRefuses }

    private static readonly At[] All = Enum.GetValues<At>();
    private static readonly At[] Open = [At.Intake, At.Review, At.Granted, At.Suspended];

    /// <summary>Who sees the case in each state: its parties (the intake window, the department, the windows that had a task) and admins and supervisors.</summary>
    private static bool Sees(Who who, At at) => who switch
    {
        Who.Admin or Who.Supervisor or Who.IntakeClerk or Who.Reviewer or Who.Head => true,
        Who.IssuanceClerk => at is At.Granted or At.Finished, // a party once the case reached its 统一出件 task
        _ => false,
    };

    /// <summary>
    /// THE TABLE: operation → who may, in which states. A row lists (identity, states) pairs; any
    /// other cell is denied. Reads follow <see cref="Sees"/>. Keep it in step with docs/security.md.
    /// </summary>
    private static readonly Dictionary<string, Func<Who, At, Expect>> Table = new(StringComparer.Ordinal)
    {
        ["GET /api/cases"] = (w, _) => Is(w is not (Who.Anonymous or Who.Editor or Who.OtherEditor)),
        ["POST /api/cases"] = (w, _) => Is(w is Who.Admin or Who.IntakeClerk),
        ["GET /api/cases/{id}"] = Read,
        ["GET /api/cases/{id}/timeline"] = Read,
        ["GET /api/cases/{id}/definition"] = Read,
        ["GET /api/cases/{id}/documents/{documentId}"] = Read,
        ["GET /api/cases/{id}/files/{sha256}"] = Read,
        // 受理 decisions: the intake window while the case waits for acceptance.
        ["POST /api/cases/{id}/accept"] = Rows((Who.Admin, [At.Intake]), (Who.IntakeClerk, [At.Intake])),
        // Authorised, but 拖拉机登记 has no deferrable material: the engine refuses (422 WF60xx).
        ["POST /api/cases/{id}/accept-with-deferral"] = (w, at) => w is Who.Admin or Who.IntakeClerk && at == At.Intake ? Expect.EngineRefuses : Expect.Denied,
        ["POST /api/cases/{id}/refuse"] = Rows((Who.Admin, [At.Intake]), (Who.IntakeClerk, [At.Intake])),
        ["POST /api/cases/{id}/request-supplement"] = Rows((Who.Admin, [At.Intake]), (Who.IntakeClerk, [At.Intake])),
        // Nothing is pending to supplement in any of the five states.
        ["POST /api/cases/{id}/supplement"] = Rows(),
        ["POST /api/cases/{id}/withdraw"] = Rows((Who.Admin, Open), (Who.IntakeClerk, Open)),
        // The material receipt: the intake window at any time, the issuance window while the case is at its task.
        ["POST /api/cases/{id}/issue-document"] = Rows((Who.Admin, All), (Who.IntakeClerk, All), (Who.IssuanceClerk, [At.Granted])),
        // The applicant rates on the paired tablet; staff never rate their own service (an admin registers other channels).
        ["POST /api/cases/{id}/evaluate"] = Rows((Who.Admin, [At.Finished])),
        // Task work: whoever fits the open task, while the case runs. Admins work on no department's tasks.
        ["POST /api/cases/{id}/claim"] = Rows((Who.Reviewer, [At.Review]), (Who.IssuanceClerk, [At.Granted])),
        ["POST /api/cases/{id}/complete"] = Rows((Who.Reviewer, [At.Review]), (Who.IssuanceClerk, [At.Granted])),
        // At review there is no earlier human step to return to (only 受理): authorised, refused by the engine.
        ["POST /api/cases/{id}/return"] = (w, at) => w == Who.IssuanceClerk && at == At.Granted ? Expect.Allowed
            : w == Who.Reviewer && at == At.Review ? Expect.EngineRefuses : Expect.Denied,
        ["POST /api/cases/{id}/transfer"] = Rows((Who.Reviewer, [At.Review]), (Who.IssuanceClerk, [At.Granted])),
        ["POST /api/cases/{id}/add-signer"] = Rows((Who.Reviewer, [At.Review]), (Who.IssuanceClerk, [At.Granted])),
        // The clock: the head of the responsible department (and admins), in the states the clock admits.
        ["POST /api/cases/{id}/suspend"] = Rows((Who.Admin, [At.Review, At.Granted]), (Who.Head, [At.Review, At.Granted])),
        ["POST /api/cases/{id}/resume"] = Rows((Who.Admin, [At.Suspended]), (Who.Head, [At.Suspended])),
        ["POST /api/cases/{id}/extend"] = Rows((Who.Admin, [At.Review, At.Granted, At.Suspended]), (Who.Head, [At.Review, At.Granted, At.Suspended])),
        // 终止办理: the head (and admins) of a case with a deferred material; 拖拉机登记 defers nothing, so no state admits it
        // (CaseApiScenarioTests' termination scenario holds the head's allowed cell and the others' 403).
        ["POST /api/cases/{id}/terminate"] = Rows(),
        // No rating opened a rectification in any of the five states.
        ["POST /api/cases/{id}/rectify"] = Rows(),
        // 告知承诺: the intake window before acceptance; 拖拉机登记 offers no pledge, so the engine refuses (422 WF6080).
        ["POST /api/cases/{id}/choose-pledge"] = (w, at) => w is Who.Admin or Who.IntakeClerk && at == At.Intake ? Expect.EngineRefuses : Expect.Denied,
        // No 告知承诺 check is open in any of the five states (PledgeApiTests covers the check itself).
        ["POST /api/cases/{id}/check-pledge"] = Rows(),
        ["POST /api/cases/{id}/urge"] = Rows((Who.Admin, Open), (Who.Supervisor, Open), (Who.Head, Open)),
        // Scans: the intake window while the case is open; whoever holds the open task (a suspended case keeps
        // its task: the reviewer attaches the inspection report the suspension waited for).
        ["POST /api/cases/{id}/files"] = Rows((Who.Admin, Open), (Who.IntakeClerk, Open), (Who.Reviewer, [At.Review, At.Suspended]), (Who.IssuanceClerk, [At.Granted])),
    };

    /// <summary>The reads that are not about one case: who may call them, whatever the cases' states (1 cell per identity).</summary>
    private static readonly Dictionary<string, Func<Who, bool>> RoleReads = new(StringComparer.Ordinal)
    {
        ["GET /api/tasks"] = w => w is not (Who.Anonymous or Who.Editor or Who.OtherEditor),
        ["GET /api/supervision"] = w => w is Who.Admin or Who.Supervisor or Who.Head or Who.OtherHead,
        ["GET /api/supervision/report"] = w => w is Who.Admin or Who.Supervisor or Who.Head or Who.OtherHead,
        ["GET /api/rectifications"] = w => w is Who.Admin or Who.Supervisor or Who.Head or Who.OtherHead,
        ["GET /api/issuance"] = w => w is Who.Admin or Who.IntakeClerk or Who.OtherClerk or Who.IssuanceClerk,
        ["GET /api/evaluations/pending"] = w => w is Who.Admin or Who.IntakeClerk or Who.OtherClerk or Who.IssuanceClerk,
        // The public guide: anyone, signed in or not.
        ["GET /api/items"] = _ => true,
        ["GET /api/items/{id}"] = _ => true,
        ["GET /api/definitions/status"] = _ => true,
        ["GET /api/calendar/workdays"] = _ => true,
        ["GET /api/auth/session"] = _ => true,
        ["GET /api/auth/me"] = w => w != Who.Anonymous,
        ["GET /api/account"] = w => w != Who.Anonymous,
        ["GET /api/security/events"] = w => w == Who.Admin,
        ["GET /api/security/locks"] = w => w == Who.Admin,
        ["GET /api/ops/status"] = w => w == Who.Admin,
        ["GET /api/admin/users"] = w => w == Who.Admin,
        // 信用记录: admins and supervisors read; only admins add or lift (below).
        ["GET /api/credit-marks"] = w => w is Who.Admin or Who.Supervisor,
        ["GET /api/people"] = w => w != Who.Anonymous,
        ["GET /api/devices"] = w => w != Who.Anonymous,
        ["GET /api/opinion-phrases"] = w => w != Who.Anonymous,
        ["GET /api/kiosk/devices"] = w => w == Who.Admin,
    };

    private static bool Designs(Who w) => w is Who.Admin or Who.Editor or Who.OtherEditor;

    /// <summary>A clerk, reviewer, head, supervisor or admin: those who work on cases.</summary>
    private static bool WorksOnCases(Who w) => w is not (Who.Anonymous or Who.Editor or Who.OtherEditor);

    /// <summary>A state-changing call that is not about one case, with a request that changes nothing when allowed.</summary>
    private sealed record Write(string Operation, string Path, string Body, Func<Who, bool> May, string? Note = null);

    /// <summary>
    /// THE WRITES: every state-changing operation that is not a case command, called by every identity
    /// (1 cell each). The body is well formed JSON but harmless: invalid for the operation (a missing
    /// field, an unknown account or device, a stale If-Match), so an allowed caller gets 2xx or a 4xx
    /// validation answer and nothing changes; anyone else gets 403 (401 unsigned) with a WF94 code.
    /// </summary>
    private static readonly Write[] RoleWrites =
    [
        // The public guide's checklist: anyone (it computes, it stores nothing).
        new("POST /api/items/{id}/checklist", $"/api/items/{Item}/checklist", "{}", _ => true),
        new("POST /api/cases/{id}/effects/{intentId}/run", $"/api/cases/{Guid.Empty}/effects/no-such-effect/run", "{}", w => w == Who.Admin),
        new("POST /api/opinion-phrases", "/api/opinion-phrases", """{"text":""}""", WorksOnCases),
        new("DELETE /api/opinion-phrases/{id}", "/api/opinion-phrases/no-such-phrase", "", w => w != Who.Anonymous, "someone else's phrase is 404 too"),
        new("POST /api/auth/password", "/api/auth/password", """{"currentPassword":""}""", w => w != Who.Anonymous),
        new("POST /api/account/password", "/api/account/password", "{}", w => w != Who.Anonymous),
        new("POST /api/admin/users", "/api/admin/users", "{}", w => w == Who.Admin),
        new("PUT /api/admin/users/{userName}", "/api/admin/users/no-such-user", "{}", w => w == Who.Admin),
        new("POST /api/admin/users/{userName}/disable", "/api/admin/users/no-such-user/disable", "{}", w => w == Who.Admin),
        new("POST /api/admin/users/{userName}/enable", "/api/admin/users/no-such-user/enable", "{}", w => w == Who.Admin),
        new("POST /api/admin/users/{userName}/reset-password", "/api/admin/users/no-such-user/reset-password", "{}", w => w == Who.Admin),
        new("POST /api/credit-marks", "/api/credit-marks", "{}", w => w == Who.Admin),
        new("POST /api/credit-marks/{id}/lift", "/api/credit-marks/no-such-mark/lift", "{}", w => w == Who.Admin),
        new("POST /api/kiosk/devices", "/api/kiosk/devices", """{"name":"","window":"","pin":"1"}""", w => w == Who.Admin),
        new("POST /api/kiosk/devices/{id}/pairing-code", "/api/kiosk/devices/kd-000000000000/pairing-code", "{}", w => w == Who.Admin),
        new("POST /api/kiosk/devices/{id}/pin", "/api/kiosk/devices/kd-000000000000/pin", """{"pin":"1"}""", w => w == Who.Admin),
        new("POST /api/kiosk/devices/{id}/revoke", "/api/kiosk/devices/kd-000000000000/revoke", "{}", w => w == Who.Admin),
        // A device's own calls: no person may make them (a tablet's session is tested in KioskApiTests).
        new("POST /api/kiosk/evaluate", "/api/kiosk/evaluate", """{"caseId":"x","level":"satisfied"}""", _ => false),
        new("POST /api/kiosk/exit", "/api/kiosk/exit", """{"pin":""}""", _ => false),
        new("POST /api/kiosk/window-case", "/api/kiosk/window-case", """{"caseId":"not-a-case"}""", w => w is Who.IntakeClerk or Who.OtherClerk or Who.IssuanceClerk),
        // The designer: admins, and department editors for their own department's guides and materials.
        new("POST /api/templates/{folder}/{name}/preview", "/api/templates/notices/no-such-template/preview", "{}", Designs),
        new("POST /api/designer/templates/{folder}/{name}/preview", "/api/designer/templates/notices/no-such-template/preview", "{}", Designs),
        new("PUT /api/designer/templates/{folder}/{name}", "/api/designer/templates/notices/material-receipt", "{}", w => w == Who.Admin),
        new("POST /api/designer/publish", "/api/designer/publish", "{}", Designs),
        new("POST /api/designer/items", "/api/designer/items", "{}", w => w == Who.Admin),
        new("POST /api/designer/items/{id}/duplicate", $"/api/designer/items/{Item}/duplicate", "{}", w => w == Who.Admin),
        new("POST /api/designer/items/{id}/retire", $"/api/designer/items/{Item}/retire", "{}", w => w is Who.Admin or Who.Editor),
        new("POST /api/designer/items/{id}/reinstate", $"/api/designer/items/{Item}/reinstate", "{}", w => w == Who.Admin, "stale If-Match: 409"),
        new("PUT /api/designer/items/{id}/{file}", $"/api/designer/items/{Item}/guide", "{}", w => w is Who.Admin or Who.Editor),
        new("PUT /api/designer/items/{id}/{file}", $"/api/designer/items/{Item}/workflow", "{}", w => w == Who.Admin, "editors edit guides and materials only"),
        new("POST /api/designer/items/{id}/{file}/validate", $"/api/designer/items/{Item}/guide/validate", "{}", w => w is Who.Admin or Who.Editor),
        new("POST /api/designer/items/{id}/checklist", $"/api/designer/items/{Item}/checklist", "{}", w => w is Who.Admin or Who.Editor),
    ];

    /// <summary>
    /// Operations that are not about one case, each with the tests that hold their authorisation.
    /// Listed here so that a new endpoint is a decision, not an accident.
    /// </summary>
    private static readonly Dictionary<string, string> Elsewhere = new(StringComparer.Ordinal)
    {
        ["POST /api/auth/login"] = "SessionSecurityTests",
        // Not called here: a wrong code counts as a failed sign-in from the address (the matrix signs in from it),
        // and signing in or out changes the caller's own session, which the matrix keeps.
        ["POST /api/kiosk/pair"] = "KioskApiTests (a tablet with a one-time code)",
        ["GET /api/kiosk/current"] = "KioskApiTests (paired tablets only)",
        ["POST /api/auth/logout"] = "SessionSecurityTests",
        ["GET /verify/{identifier}"] = "NoticeDocumentTests (public register)",
        ["GET /api/designer/changes"] = "DesignerApiTests",
        ["GET /api/designer/history"] = "DesignerApiTests",
        ["GET /api/designer/reviews"] = "DesignerReviewApiTests (admins all, editors their own)",
        ["POST /api/designer/reviews/{id}/approve"] = "DesignerReviewApiTests (a second admin, never the author)",
        ["POST /api/designer/reviews/{id}/reject"] = "DesignerReviewApiTests (admins, or the author withdrawing)",
        ["GET /api/designer/items/{id}/history"] = "DesignerApiTests",
        ["GET /api/designer/items/{id}/diff"] = "DesignerApiTests",
        ["GET /api/designer/templates"] = "DesignerApiTests",
        ["GET /api/designer/templates/{folder}/{name}"] = "DesignerApiTests",
        ["GET /api/designer/items"] = "DesignerApiTests",
        ["GET /api/designer/reference"] = "DesignerApiTests",
        ["GET /api/designer/calendars"] = "DesignerCalendarApiTests",
        ["GET /api/designer/calendars/{year}"] = "DesignerCalendarApiTests",
        ["PUT /api/designer/calendars/{year}"] = "DesignerCalendarApiTests (admins only)",
        ["POST /api/designer/calendars/{year}/validate"] = "DesignerCalendarApiTests",
        ["GET /api/designer/items/{id}"] = "DesignerApiTests",
        ["GET /api/designer/items/{id}/{file}"] = "DesignerApiTests",
    };

    private static Expect Is(bool allowed) => allowed ? Expect.Allowed : Expect.Denied;

    private static Expect Read(Who who, At at) => Is(Sees(who, at));

    private static Func<Who, At, Expect> Rows(params (Who Who, At[] States)[] rows) =>
        (who, at) => Is(rows.Any(r => r.Who == who && r.States.Contains(at)));

    [Fact]
    public async Task Every_case_operation_answers_every_identity_in_every_state_as_the_table_says()
    {
        var operations = await OperationsAsync();
        var writes = RoleWrites.Select(w => w.Operation).ToHashSet(StringComparer.Ordinal);
        var unknown = operations.Where(o => !Table.ContainsKey(o) && !RoleReads.ContainsKey(o) && !writes.Contains(o) && !Elsewhere.ContainsKey(o)).ToList();
        Assert.True(unknown.Count == 0, "operations without a decision in the authorisation table: " + string.Join(", ", unknown));
        var stale = Table.Keys.Concat(RoleReads.Keys).Concat(writes).Concat(Elsewhere.Keys).Where(o => !operations.Contains(o)).ToList();
        Assert.True(stale.Count == 0, "table rows for operations the server does not have: " + string.Join(", ", stale));

        // One shared case per state for the reads and the refusals; a fresh one for every command a cell may run.
        var shared = new Dictionary<At, Seeded>();
        foreach (var at in All) shared[at] = await SeedAsync(at, withFiles: true);

        var failures = new List<string>();
        var cells = 0;
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var operation in Table.Keys.Order(StringComparer.Ordinal))
        {
            var method = operation.Split(' ')[0];
            foreach (var at in All)
            {
                // The identities of one row at once: the refusals share the state's case, each permitted command gets its own.
                var row = await Task.WhenAll(Identities.Select(async identity =>
                {
                    var (account, who) = identity;
                    var expect = Table[operation](who, at);
                    var target = expect == Expect.Denied || method == "GET" ? shared[at] : await SeedAsync(at, withFiles: false);
                    var (status, code, text) = await CallAsync(operation, account, target, at);
                    var ok = expect switch
                    {
                        Expect.Allowed => status is >= 200 and < 300,
                        Expect.EngineRefuses => status == 422 && code?.StartsWith("WF60", StringComparison.Ordinal) == true,
                        _ => status == Refusal(who, at, operation.Contains("{id}")) && code?.StartsWith("WF94", StringComparison.Ordinal) == true,
                    };
                    var failure = ok ? null
                        : $"{operation} as '{(account == "" ? "anonymous" : account)}' ({who}) at {at}: expected {expect}, got {status} {code} {Trim(text)}";
                    return (Kind: $"{expect.ToString().ToLowerInvariant()} {status}", Failure: failure);
                }));
                foreach (var (kind, failure) in row)
                {
                    cells++;
                    counts[kind] = counts.GetValueOrDefault(kind) + 1;
                    if (failure is not null) failures.Add(failure);
                }
            }
        }
        var caseCells = cells;
        foreach (var operation in RoleReads.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var (account, who) in Identities)
            {
                var path = operation.Split(' ')[1].Replace("{id}", Item);
                var response = await (await As(account)).GetAsync(path);
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                var allowed = RoleReads[operation](who);
                var code = !response.IsSuccessStatusCode && text.StartsWith('{') ? JsonNode.Parse(text)?["code"]?.GetValue<string>() : null;
                var ok = allowed ? response.IsSuccessStatusCode
                    : status == (who == Who.Anonymous ? 401 : 403) && code?.StartsWith("WF94", StringComparison.Ordinal) == true;
                cells++;
                var kind = $"{(allowed ? "allowed" : "denied")} {status}";
                counts[kind] = counts.GetValueOrDefault(kind) + 1;
                if (!ok) failures.Add($"{operation} as '{(account == "" ? "anonymous" : account)}' ({who}): expected {(allowed ? "allowed" : "denied")}, got {status} {code} {Trim(text)}");
            }
        }
        var readCells = cells - caseCells;
        foreach (var write in RoleWrites)
        {
            foreach (var (account, who) in Identities)
            {
                var (status, code, text) = await SendAsync(account, write);
                var allowed = write.May(who);
                var ok = allowed ? status is >= 200 and < 500 and not (401 or 403)
                    : status == (who == Who.Anonymous ? 401 : 403) && code?.StartsWith("WF94", StringComparison.Ordinal) == true;
                cells++;
                var kind = $"{(allowed ? "allowed" : "denied")} {status}";
                counts[kind] = counts.GetValueOrDefault(kind) + 1;
                if (!ok) failures.Add($"{write.Operation} ({write.Path}) as '{(account == "" ? "anonymous" : account)}' ({who}): expected {(allowed ? "allowed" : "denied")}, got {status} {code} {Trim(text)}");
            }
        }
        output.WriteLine($"authorisation matrix: {Table.Count} case operations × {Identities.Length} identities × {All.Length} states = {caseCells} cells, " +
            $"{RoleReads.Count} other reads × {Identities.Length} identities = {readCells} cells, " +
            $"{RoleWrites.Length} other writes ({writes.Count} operations) × {Identities.Length} identities = {cells - caseCells - readCells} cells, {cells} in all; " +
            $"{Elsewhere.Count} other operations named with their tests; {operations.Count} operations in /openapi/v1.json");
        foreach (var (kind, count) in counts) output.WriteLine($"  {kind}: {count}");
        foreach (var failure in failures) output.WriteLine("FAIL " + failure);
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells} cells differ from the table:\n" + string.Join("\n", failures.Take(60)));
    }

    /// <summary>A refusal: 401 unsigned, 404 for a case the identity may not see, 403 otherwise.</summary>
    private static int Refusal(Who who, At at, bool aboutTheCase) => who == Who.Anonymous ? 401 : aboutTheCase && !Sees(who, at) ? 404 : 403;

    private static string Trim(string text) => text.Length > 300 ? text[..300] : text;

    private async Task<HashSet<string>> OperationsAsync()
    {
        var document = JsonNode.Parse(await _server.Http.GetStringAsync("/openapi/v1.json"))!;
        var operations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, _) in item!.AsObject())
                if (method is "get" or "post" or "put" or "delete" or "patch") operations.Add($"{method.ToUpperInvariant()} {path}");
        return operations;
    }

    /// <summary>A case in a state, with the ids its reads need.</summary>
    private sealed record Seeded(string Id, string? DocumentId, string? Sha256, JsonObject View);

    private static readonly byte[] Scan = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 2, 3];

    private int _scans;
    private Workflows.Definitions.Model.ItemDefinition? _item;

    /// <summary>The sample item as the server loaded it (read from disk once).</summary>
    private Workflows.Definitions.Model.ItemDefinition SampleItem => _item ??= CaseApi.Definitions(_server).Item(Item)!;

    private async Task<Seeded> SeedAsync(At at, bool withFiles)
    {
        var item = SampleItem;
        var clerk = await As("clerk-comprehensive-2");
        var (created, view) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, at == At.Intake ? null : new JsonObject { ["kind"] = "accept" }));
        Assert.True(created.StatusCode == HttpStatusCode.Created, view.ToJsonString());
        var id = view["id"]!.GetValue<string>();
        string? documentId = null, sha = null;
        if (withFiles)
        {
            // A scan (each case its own bytes) and the material receipt, for the reads of files and documents.
            var bytes = Scan.Append((byte)Interlocked.Increment(ref _scans)).ToArray();
            var upload = new ByteArrayContent(bytes);
            upload.Headers.ContentType = new("image/jpeg");
            var uploaded = await clerk.PostAsync($"/api/cases/{id}/files?name=scan.jpg", upload);
            Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
            sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            (_, view) = await Ok(clerk, $"/api/cases/{id}/issue-document", new JsonObject { ["templateId"] = "notices/material-receipt" });
            documentId = view["case"]!["documents"]!.AsArray().Last()!["documentId"]!.GetValue<string>();
        }
        if (at is At.Granted or At.Finished)
        {
            (_, view) = await Ok(await As("agriculture-reviewer"), $"/api/cases/{id}/complete", new JsonObject { ["taskId"] = TaskAt(view, "review"), ["outcome"] = "pass" });
            (_, view) = await Ok(await As("agriculture-head"), $"/api/cases/{id}/complete", new JsonObject { ["taskId"] = TaskAt(view, "decide"), ["outcome"] = "grant" });
        }
        if (at == At.Finished)
            (_, view) = await Ok(await As("clerk-issuance"), $"/api/cases/{id}/complete",
                new JsonObject { ["taskId"] = TaskAt(view, "deliver"), ["delivery"] = new JsonObject { ["method"] = "window", ["recipient"] = "张建国" } });
        if (at == At.Suspended)
            (_, view) = await Ok(await As("agriculture-head"), $"/api/cases/{id}/suspend", new JsonObject { ["reason"] = "等待检验结果", ["approver"] = "农业农村局局长" });
        return new Seeded(id, documentId, sha, view);
    }

    private static async Task<(HttpResponseMessage, JsonObject)> Ok(HttpClient client, string path, JsonObject body)
    {
        var (response, view) = await CaseApi.PostAsync(client, path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {view.ToJsonString()}");
        return (response, view);
    }

    private static string? TaskAt(JsonObject view, string stepId) =>
        CaseApi.ActiveTasks(view).FirstOrDefault(t => t!["stepId"]!.GetValue<string>() == stepId)?["id"]!.GetValue<string>();

    /// <summary>The open task of the case, or its first task when none is open (so the request is well formed).</summary>
    private static string OpenTask(JsonObject view) =>
        (CaseApi.ActiveTasks(view).FirstOrDefault() ?? view["case"]!["tasks"]!.AsArray().FirstOrDefault())?["id"]!.GetValue<string>() ?? "t1";

    /// <summary>A well-formed request for the operation: what the identity would send if it were allowed.</summary>
    private async Task<(int Status, string? Code, string Text)> CallAsync(string operation, string account, Seeded target, At at)
    {
        var client = await As(account);
        var (method, template) = (operation.Split(' ')[0], operation.Split(' ')[1]);
        var path = template.Replace("{id}", target.Id).Replace("{documentId}", target.DocumentId ?? "none").Replace("{sha256}", target.Sha256 ?? new string('0', 64));
        HttpResponseMessage response;
        if (method == "GET")
        {
            response = await client.GetAsync(path);
        }
        else if (template == "/api/cases/{id}/files")
        {
            var upload = new ByteArrayContent(Scan.Append((byte)Interlocked.Increment(ref _scans)).ToArray());
            upload.Headers.ContentType = new("image/jpeg");
            response = await client.PostAsync(path + "?name=scan.jpg", upload);
        }
        else
        {
            var body = template == "/api/cases" ? CaseApi.NewCase(SampleItem, null) : Body(template.Split('/').Last(), target.View, at);
            response = await client.PostAsync(path, JsonContent.Create(body));
        }
        var text = await response.Content.ReadAsStringAsync();
        string? code = null;
        if (!response.IsSuccessStatusCode && text.StartsWith('{')) code = JsonNode.Parse(text)?["code"]?.GetValue<string>();
        return ((int)response.StatusCode, code, text);
    }

    /// <summary>One call of the writes table, with a stale If-Match so that a designer's allowed write saves nothing.</summary>
    private async Task<(int Status, string? Code, string Text)> SendAsync(string account, Write write)
    {
        var client = await As(account);
        using var request = new HttpRequestMessage(new HttpMethod(write.Operation.Split(' ')[0]), write.Path);
        if (write.Body.Length > 0) request.Content = new StringContent(write.Body, System.Text.Encoding.UTF8, "application/json");
        request.Headers.TryAddWithoutValidation("If-Match", "\"matrix-stale\"");
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        string? code = null;
        if (!response.IsSuccessStatusCode && text.StartsWith('{')) code = JsonNode.Parse(text)?["code"]?.GetValue<string>();
        return ((int)response.StatusCode, code, text);
    }

    private static JsonObject Body(string command, JsonObject view, At at)
    {
        var task = OpenTask(view);
        return command switch
        {
            "accept" => [],
            "accept-with-deferral" => new() { ["materialIds"] = new JsonArray("inspection-certificate"), ["catchUpBy"] = "2099-01-01" },
            "refuse" => new() { ["reasons"] = new JsonArray("不属于本机关职权范围") },
            "request-supplement" => new() { ["deficiencies"] = new JsonArray(new JsonObject { ["materialId"] = "application", ["kind"] = "defective", ["note"] = "未签字" }) },
            "supplement" => new() { ["materialIds"] = new JsonArray("application") },
            "withdraw" => new() { ["reason"] = "申请人申请撤回" },
            "issue-document" => new() { ["templateId"] = "notices/material-receipt" },
            "evaluate" => new() { ["level"] = "very-satisfied" },
            "claim" => new() { ["taskId"] = task },
            "complete" => at == At.Granted
                ? new() { ["taskId"] = task, ["delivery"] = new JsonObject { ["method"] = "window", ["recipient"] = "张建国" } }
                : new() { ["taskId"] = task, ["outcome"] = "pass", ["opinion"] = "材料齐全" },
            "return" => new() { ["taskId"] = task, ["targetStepId"] = at == At.Granted ? "decide" : "intake", ["reason"] = "请重新审核" },
            "transfer" => new() { ["taskId"] = task, ["to"] = at == At.Granted ? new JsonObject { ["window"] = "comprehensive-2" } : new JsonObject { ["department"] = "agriculture", ["role"] = "head" }, ["reason"] = "转负责人办理" },
            "add-signer" => new() { ["taskId"] = task, ["signer"] = at == At.Granted ? new JsonObject { ["window"] = "comprehensive-2" } : new JsonObject { ["department"] = "water", ["role"] = "reviewer" }, ["reason"] = "请水务局会签" },
            "suspend" => new() { ["reason"] = "等待检验结果", ["approver"] = "农业农村局局长" },
            "resume" => [],
            "extend" => new() { ["workingDays"] = 1, ["approver"] = "局长", ["reason"] = "情况复杂" },
            "rectify" => new() { ["measures"] = "已整改" },
            "terminate" => new() { ["reason"] = "申请人逾期未补交容缺材料" },
            "urge" => new() { ["message"] = "请加快办理" },
            "choose-pledge" => new() { ["materialIds"] = new JsonArray("application") },
            "check-pledge" => new() { ["taskId"] = task, ["truthful"] = true, ["findings"] = "网络核验属实" },
            _ => throw new InvalidOperationException($"no body for {command}: add one with its row in the table"),
        };
    }

    private readonly SemaphoreSlim _signIn = new(1, 1);

    /// <summary>One signed-in client per account (rows call in parallel: one sign-in at a time).</summary>
    private async Task<HttpClient> As(string account)
    {
        await _signIn.WaitAsync();
        try
        {
            return _clients.TryGetValue(account, out var client) ? client
                : _clients[account] = account == ""
                    ? new HttpClient { BaseAddress = _server.Http.BaseAddress, DefaultRequestHeaders = { { Security.CrossSiteWriteGuard.HeaderName, "1" } } }
                    : await _server.SignInAsync(account);
        }
        finally
        {
            _signIn.Release();
        }
    }
}
