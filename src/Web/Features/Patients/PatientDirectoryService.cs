using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Patients;

/// <summary>Finds the patients the user has a care relationship with, by name or full CPR number.</summary>
public sealed class PatientDirectoryService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    TimeProvider clock,
    IStringLocalizer<PatientDirectoryService> messages) : IPatientDataService
{
    public const int MaxPageSize = 100;

    public async Task<PatientSearchResult> SearchAsync(Actor actor, string? text, int page, int pageSize, CancellationToken ct = default)
    {
        if (page < 0 || pageSize is < 1 or > MaxPageSize)
            return PatientSearchResult.Refused(messages["Page size must be between 1 and {0}.", MaxPageSize]);
        var term = (text ?? "").Trim();
        if (term.Length > 100)
            return PatientSearchResult.Refused(messages["The search text is too long (at most {0} characters).", 100]);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = guard.SearchablePatients(db, actor);
        if (LooksLikeCpr(term))
        {
            if (!Cpr.TryParse(term, CopenhagenTime.Today(clock), out var cpr, out var error))
                return PatientSearchResult.Refused(error);
            query = query.Where(p => p.Cpr == cpr);
        }
        else if (term.Any(char.IsDigit))
        {
            return PatientSearchResult.Refused(messages["To search by CPR, enter the whole number (DDMMYY-XXXX). Otherwise search by name."]);
        }
        else if (term.Length > 0)
        {
            var lowered = Patient.NormaliseForSearch(term);
            query = query.Where(p => p.SearchName.Contains(lowered));
        }

        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
            .Skip(page * pageSize).Take(pageSize)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.Cpr, City = p.Address == null || p.NameAndAddressProtected ? null : p.Address.City })
            .ToListAsync(ct);

        var today = CopenhagenTime.Today(clock);
        var items = new List<PatientListItem>(rows.Count);
        foreach (var r in rows)
        {
            var item = new PatientListItem(r.Id, $"{r.GivenName} {r.FamilyName}", r.Cpr.Display, r.Cpr.AgeOn(today), r.City);
            if (actor.Role == UserRole.Relative && !await RelativeMaySeeDetailsAsync(db, actor, r.Id, ct))
            {
                // A CPR search must not confirm a number the consent does not share.
                if (LooksLikeCpr(term))
                {
                    total--;
                    continue;
                }
                item = item with { Cpr = null, Age = null, City = null };
            }
            items.Add(item);
        }
        guard.RecordSearch(db, actor, items.Select(i => i.Id), term.Length == 0 ? "Patient list" : "Patient search");
        await db.SaveChangesAsync(ct);
        return new PatientSearchResult(items, total, null);
    }

    private async Task<bool> RelativeMaySeeDetailsAsync(CareDbContext db, Actor actor, Guid patientId, CancellationToken ct) =>
        await guard.LoadRelationshipAsync(db, patientId, ct) is { } relationship
        && PatientAccessPolicy.Decide(actor, relationship, AccessAction.Read, PatientSection.MasterData).Allowed;

    private static bool LooksLikeCpr(string term) =>
        term.Length is >= 10 and <= 11 && term.Count(char.IsAsciiDigit) >= 7 && !term.Contains(' ');
}
