using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Messaging;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.Web.Features.Messages;
using CareWorkspace.Web.Features.Triage;
using CareWorkspace.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.TriageBoard;

/// <summary>The triage board of a unit (from <see cref="TriageService"/>) with the unit's flag setting, and the meeting's escalation to the GP.</summary>
public sealed class TriageBoardService(TriageService triage, MessageService messages, SharedReads sharedReads)
{
    private static IStringLocalizer L => StaticText.For(typeof(TriageBoardService));

    /// <summary>
    /// The board of the unit (the actor's own unless another is named); refused and logged for anyone outside it. Given the
    /// board the viewer already sees, only the cards that changed are recorded as accesses again.
    /// </summary>
    public async Task<TriageBoardScreen> GetAsync(Actor actor, Guid? unitId, TriageBoardView? shown = null, CancellationToken ct = default)
    {
        var board = await triage.GetBoardAsync(actor, unitId ?? actor.OrganisationId ?? Guid.Empty, shown, ct);
        // The unit's setting, shared by its open boards like the board itself (a change to it shows within a minute). A change
        // that names its citizens (a change form, a plan) does not touch it, so it is kept: not one more query per change
        // before the boards can show it. A change to the setting concerns everyone and reads it anew.
        var flagAfterDays = await sharedReads.GetForAudienceAsync(AudienceKey.TriageBoardOf(board.UnitId), "flag-after-days",
            async (db, c) => await db.TriageChangeForms.AsNoTracking().Where(f => f.UnitId == board.UnitId)
                .Select(f => (int?)f.FlagAfterDays).SingleOrDefaultAsync(c) ?? UnitChangeForm.DefaultFlagAfterDays,
            stamp: board.AsOf.ToUnixTimeSeconds() / 60, ct: ct,
            update: (_, kept, _, _) => Task.FromResult(kept));
        return new TriageBoardScreen(board, flagAfterDays);
    }

    /// <summary>
    /// Asks the citizen's GP to act: a message flagged "needs action" on the citizen's pathway (the GP's inbox shows it), in
    /// the thread of the unit's earlier escalation for the citizen when there is one (the conversation with the GP goes
    /// on there), else in a new thread; then the escalation on the plan, linked to that thread. Without a request nothing
    /// is posted. Returns the thread.
    /// </summary>
    public async Task<Guid> EscalateToGpAsync(Actor actor, BoardCitizen citizen, string? request, CancellationToken ct = default)
    {
        if (citizen.OpenPlan is not { } plan)
            throw new DomainException("The citizen has no open action plan.");
        if (string.IsNullOrWhiteSpace(request))
            throw new DomainException("Write what the GP is asked to do.");
        var text = string.Format(System.Globalization.CultureInfo.CurrentCulture, L["{0}\n\nTriage colour: {1}. Decision: {2}. Action plan: {3}"],
            request.Trim(), TriageLabels.For(plan.Colour), plan.Decision, plan.Plan);
        var threadId = await ContinueThreadAsync(actor, citizen.PatientId, text, ct)
            ?? await messages.StartThreadAsync(actor, citizen.PatientId,
                new NewThreadInput(string.Format(System.Globalization.CultureInfo.CurrentCulture, L["Early detection: {0} is {1}, please act"], citizen.Name, TriageLabels.For(plan.Colour).ToLower(System.Globalization.CultureInfo.CurrentCulture)),
                    MessageCategory.Other, SharedWithPatient: false, SharedWithRelatives: false, text, NeedsAction: true), [], ct);
        await triage.EscalateToGpAsync(actor, citizen.PatientId, plan.Id, request.Trim(), threadId, ct);
        return threadId;
    }

    /// <summary>Replies, needing action (which opens the thread for the GP again), in the thread of the unit's last escalation for the citizen; null when there is none.</summary>
    private async Task<Guid?> ContinueThreadAsync(Actor actor, Guid patientId, string text, CancellationToken ct)
    {
        if (await triage.GpThreadOfAsync(actor, patientId, ct) is not { } threadId)
            return null;
        await messages.ReplyAsync(actor, threadId, text, needsAction: true, [], ct);
        return threadId;
    }
}

/// <summary>What the board page shows: the unit's board and after how many days a citizen is flagged as not observed.</summary>
public sealed record TriageBoardScreen(TriageBoardView Board, int FlagAfterDays);
