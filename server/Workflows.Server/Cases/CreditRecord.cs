using Workflows.Engine.Commands;
using Workflows.Engine.Events;
using Workflows.Engine.Execution;
using Workflows.Engine.State;
using Workflows.Storage;

namespace Workflows.Server.Cases;

/// <summary>
/// The applicant's credit record around the pure engine: before 告知承诺 or 容缺 the server looks the
/// applicant up and hands the newest active mark to the command (the engine refuses a marked applicant;
/// a lifted mark, or one past its valid-until day, no longer refuses);
/// a false pledge found by the 核查 becomes a mark written in the command's own transaction.
/// </summary>
public static class CreditRecord
{
    public static async Task<CaseCommand> WithApplicantCreditAsync(ICaseStore store, CaseCommand command, CaseState state, DateOnly today, CancellationToken ct)
    {
        if (command is not (ChoosePledge or AcceptWithDeferral) || store is not ICreditRecords records) return command;
        if (await records.FindActiveCreditMarkAsync(state.Applicant.IdNumber, today, ct) is not { } newest) return command;
        var mark = new CreditMark(newest.Kind, newest.Reason, newest.MarkedOn, newest.CaseNumber);
        return command switch
        {
            ChoosePledge pledge => pledge with { ApplicantCredit = mark },
            AcceptWithDeferral deferral => deferral with { ApplicantCredit = mark },
            _ => command,
        };
    }

    public static IReadOnlyList<StoredCreditMark> MarksOf(Guid caseId, string number, CommandResult result)
    {
        if (result.State is not { } state) return [];
        return result.Events.OfType<DecisionRevoked>()
            .Select(revoked => new StoredCreditMark($"{CreditMark.FalsePledge}:{caseId:D}", state.Applicant.IdNumber, CreditMark.FalsePledge,
                string.Join("；", revoked.Reasons), revoked.On, caseId, number))
            .ToList();
    }
}
