using System.Globalization;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.AccessLog;
using CareWorkspace.Infrastructure.Documents;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Web.Components.Layout;
using CareWorkspace.Web.Features.Consents;
using CareWorkspace.Web.Features.Documents;
using CareWorkspace.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.AccessLog;

/// <summary>
/// The patient's access log to take away, as CSV (every record in the filter, streamed a batch at a time so two years
/// of records never sit in memory at once) or as PDF (the document layer; at most <see cref="PdfMaxEntries"/> entries,
/// which the document says). The export is itself an access record: a read of the AccessLog section.
/// </summary>
public sealed class AccessLogExportService(
    PatientAccessGuard guard,
    AccessLogService accessLog,
    IDbContextFactory<CareDbContext> dbFactory,
    SharedReads sharedReads,
    AccessLogDocument document,
    IStringLocalizer<AccessLogExportService> text) : IPatientDataService
{
    public const int BatchSize = 1000;

    /// <summary>A PDF is for reading and printing; beyond this many entries the CSV is the whole record.</summary>
    public const int PdfMaxEntries = 5000;

    /// <summary>Decides and logs the export, then returns the writer that streams the CSV (so a refusal is answered before any byte is sent).</summary>
    public async Task<Func<Stream, CancellationToken, Task>> CsvAsync(Actor actor, Guid patientId, AccessLogFilter filter, CancellationToken ct = default)
    {
        var window = await accessLog.WindowOrRefuseAsync(actor, patientId, filter, "Access log export (CSV)", ct);
        await guard.DemandSharedReadAsync(actor, patientId, PatientSection.AccessLog, "Access log export (CSV)", ct);
        var header = AccessLogCsv.Line([
            text["When (Copenhagen time)"], text["Who"], text["Role"], text["Organisation"], text["Section"], text["What"],
            text["Action"], text["Result"], text["Reason recorded"], text["Emergency access"]]);
        var yes = text["Yes"].Value;
        return async (output, writeCt) =>
        {
            await using var writer = new StreamWriter(output, AccessLogCsv.Encoding, bufferSize: 64 * 1024, leaveOpen: true);
            await writer.WriteAsync(header);
            await foreach (var record in RecordsAsync(patientId, window, int.MaxValue, writeCt))
                await writer.WriteAsync(AccessLogCsv.Line([
                    CopenhagenTime.ToCopenhagen(record.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    record.UserDisplayName, RoleLabels.For(record.Role), record.OrganisationName, ConsentLabels.For(record.Section), record.What,
                    AccessLogLabels.For(record.Action), AccessLogLabels.Outcome(record.Allowed), DomainText.FromEnglish(record.Reason),
                    record.EmergencyAccess ? yes : ""]));
            await writer.FlushAsync(writeCt);
        };
    }

    public async Task<byte[]> PdfAsync(Actor actor, Guid patientId, AccessLogFilter filter, CancellationToken ct = default)
    {
        var window = await accessLog.WindowOrRefuseAsync(actor, patientId, filter, "Access log export (PDF)", ct);
        await guard.DemandSharedReadAsync(actor, patientId, PatientSection.AccessLog, "Access log export (PDF)", ct);
        var patient = await DocumentPatient.ReadAsync(sharedReads, patientId, ct);
        var entries = new List<AccessLogEntry>();
        await foreach (var record in RecordsAsync(patientId, window, PdfMaxEntries + 1, ct))
            entries.Add(AccessLogEntry.Of(record));
        var more = entries.Count > PdfMaxEntries;
        if (more)
            entries.RemoveAt(entries.Count - 1);
        return PdfDocumentWriter.Write(document.Compose(actor, patient, window, entries, more));
    }

    /// <summary>The records newest first, a keyset batch at a time, each batch read with its own short-lived context.</summary>
    private async IAsyncEnumerable<AccessRecord> RecordsAsync(Guid patientId, AccessLogWindow window, int limit,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        AccessLogCursor? after = null;
        var given = 0;
        while (given < limit)
        {
            List<AccessRecord> batch;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                batch = await AccessLogQuery.Matching(db, patientId, window).After(after).NewestFirst()
                    .Take(Math.Min(BatchSize, limit - given)).ToListAsync(ct);
            foreach (var record in batch)
                yield return record;
            given += batch.Count;
            if (batch.Count < BatchSize)
                yield break;
            after = new AccessLogCursor(batch[^1].At, batch[^1].Id);
        }
    }
}
