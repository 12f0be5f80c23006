using CareWorkspace.Domain.Audit;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Infrastructure.AccessLog;

/// <summary>
/// Reads one patient's access log newest first, a page at a time by keyset on (At, Id), so a page costs the same on the
/// first and the thousandth page: it walks the index (PatientId, At, Id) from where the last page ended.
/// </summary>
public static class AccessLogQuery
{
    public const int MaxPageSize = 200;

    public static IQueryable<AccessRecord> Matching(CareDbContext db, Guid patientId, AccessLogWindow window)
    {
        var records = db.AccessRecords.AsNoTracking()
            .Where(r => r.PatientId == patientId && r.At >= window.Start && r.At < window.End);
        if (window.OrganisationId is { } organisationId)
            records = records.Where(r => r.OrganisationId == organisationId);
        if (window.Action is { } action)
            records = records.Where(r => r.Action == action);
        if (window.EmergencyAccessOnly)
            records = records.Where(r => r.EmergencyAccess);
        return records;
    }

    public static IQueryable<AccessRecord> NewestFirst(this IQueryable<AccessRecord> records) =>
        records.OrderByDescending(r => r.At).ThenByDescending(r => r.Id);

    /// <summary>The records older than the cursor (in the newest-first order).</summary>
    public static IQueryable<AccessRecord> After(this IQueryable<AccessRecord> records, AccessLogCursor? cursor)
    {
        if (cursor is null)
            return records;
        var at = cursor.At;
        var id = cursor.Id;
        return records.Where(r => r.At < at || (r.At == at && r.Id < id));
    }

    public static async Task<AccessLogPage> PageAsync(
        CareDbContext db, Guid patientId, AccessLogWindow window, AccessLogCursor? after, int pageSize, CancellationToken ct = default)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var rows = await Matching(db, patientId, window).After(after).NewestFirst().Take(size + 1).ToListAsync(ct);
        var entries = rows.Take(size).ToList();
        var next = rows.Count > size ? new AccessLogCursor(entries[^1].At, entries[^1].Id) : null;
        return new AccessLogPage(entries, next);
    }

    /// <summary>
    /// The organisations that appear in the patient's log in the window, for the organisation filter, each by the name it
    /// was last recorded with. The ids come from the (PatientId, OrganisationId, At) index alone, and each name from one seek
    /// in it: grouping the window's rows by organisation read every record of two years (100,000 for a busy patient).
    /// </summary>
    public static async Task<IReadOnlyList<AccessLogOrganisation>> OrganisationsAsync(
        CareDbContext db, Guid patientId, AccessLogWindow window, CancellationToken ct = default)
    {
        var inWindow = Matching(db, patientId, window with { OrganisationId = null, Action = null, EmergencyAccessOnly = false });
        var ids = await inWindow.Where(r => r.OrganisationId != null).Select(r => r.OrganisationId!.Value).Distinct().ToListAsync(ct);
        var organisations = new List<AccessLogOrganisation>(ids.Count);
        foreach (var id in ids)
        {
            var name = await inWindow.Where(r => r.OrganisationId == id).OrderByDescending(r => r.At)
                .Select(r => r.OrganisationName).FirstOrDefaultAsync(ct);
            organisations.Add(new AccessLogOrganisation(id, name ?? ""));
        }
        return [.. organisations.OrderBy(o => o.Name, StringComparer.CurrentCulture)];
    }
}

/// <summary>One page of the log, newest first; <see cref="Next"/> is where the next page starts, null on the last page.</summary>
public sealed record AccessLogPage(IReadOnlyList<AccessRecord> Entries, AccessLogCursor? Next);

public sealed record AccessLogOrganisation(Guid Id, string Name);
