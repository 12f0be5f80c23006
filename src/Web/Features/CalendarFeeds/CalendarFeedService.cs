using System.Globalization;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.CalendarFeeds;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.CalendarFeeds;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Web.Features.Calendar;
using CareWorkspace.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.CalendarFeeds;

/// <summary>
/// The patient's calendar as iCalendar: a download for a signed-in user, and private subscription addresses for the
/// patient or a relative. A subscription is read as its owner, through the same access policy, so it carries only what
/// the owner may see now: a withdrawn consent empties nothing into the feed, it closes it.
/// </summary>
public sealed class CalendarFeedService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    TimeProvider clock,
    ILogger<CalendarFeedService> logger) : IPatientDataService
{
    /// <summary>How far back a calendar file reaches; everything ahead is in it.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(180);

    public const string FeedPrefix = "/calendar/feed/";

    /// <summary>The .ics file of a patient's calendar for a signed-in user (an ordinary, logged read).</summary>
    public Task<string> DownloadAsync(Actor actor, Guid patientId, CancellationToken ct = default) =>
        Retry.UnitOfWorkAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (_, relationship) = await guard.DemandWithRelationshipAsync(db, actor, patientId, AccessAction.Read, PatientSection.Calendar, "Calendar file (.ics)", ct);
            var text = await WriteAsync(db, patientId, NotInFeed(actor, relationship), ct);
            await db.SaveChangesAsync(ct);
            return text;
        }, repeatable: true, ct);

    /// <summary>The viewer's own active subscriptions to this patient's calendar, newest first.</summary>
    public Task<IReadOnlyList<CalendarFeedSubscriptionView>> ListMineAsync(Actor actor, Guid patientId, CancellationToken ct = default) =>
        Retry.UnitOfWorkAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await guard.DemandAsync(db, actor, patientId, AccessAction.Read, PatientSection.Calendar, "Calendar subscriptions", ct);
            var mine = await db.CalendarFeedSubscriptions.AsNoTracking()
                .Where(s => s.PatientId == patientId && s.OwnerUserId == actor.UserId && s.RevokedAt == null)
                .ToListAsync(ct);
            await db.SaveChangesAsync(ct);
            return (IReadOnlyList<CalendarFeedSubscriptionView>)mine.OrderByDescending(s => s.CreatedAt).Select(s => new CalendarFeedSubscriptionView(s.Id, s.CreatedAt)).ToList();
        }, repeatable: true, ct);

    /// <summary>
    /// Makes a private address for the patient's or a relative's own calendar program. The token is in the returned
    /// address only; the database keeps its hash. Not repeated after a failure (a second address would be made).
    /// </summary>
    public async Task<NewCalendarFeed> CreateAsync(Actor actor, Guid patientId, Uri appBase, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await guard.DemandAsync(db, actor, patientId, AccessAction.Read, PatientSection.Calendar, "Made calendar subscription", ct);
        if (actor.Role is not (UserRole.Patient or UserRole.Relative))
        {
            const string reason = "Calendar subscriptions are for the patient and relatives; staff see the calendar in CareWorkspace.";
            await guard.RecordRefusedChangeAsync(db, actor, patientId, AccessAction.Create, PatientSection.Calendar, "Made calendar subscription", reason, ct);
            throw new DomainException(reason);
        }
        var (subscription, token) = CalendarFeedSubscription.Create(patientId, actor.UserId, clock.GetUtcNow());
        db.CalendarFeedSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return new NewCalendarFeed(subscription.Id, new Uri(appBase, $"{FeedPrefix.TrimStart('/')}{token}.ics").AbsoluteUri);
    }

    /// <summary>Stops one of the viewer's own subscriptions: its address answers "not found" from now on.</summary>
    public Task RevokeAsync(Actor actor, Guid patientId, Guid subscriptionId, CancellationToken ct = default) =>
        Retry.UnitOfWorkAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await guard.DemandAsync(db, actor, patientId, AccessAction.Read, PatientSection.Calendar, "Stopped calendar subscription", ct);
            var subscription = await db.CalendarFeedSubscriptions.SingleOrDefaultAsync(s => s.Id == subscriptionId && s.PatientId == patientId, ct);
            try
            {
                if (subscription is null)
                    throw new DomainException("There is no such calendar subscription.");
                subscription.Revoke(actor.UserId, clock.GetUtcNow());
            }
            catch (DomainException ex)
            {
                await guard.RecordRefusedChangeAsync(db, actor, patientId, AccessAction.Update, PatientSection.Calendar, "Stopped calendar subscription", ex.Message, ct);
                throw;
            }
            await db.SaveChangesAsync(ct);
        }, repeatable: true, ct);

    /// <summary>
    /// The calendar behind a subscription token, read as the subscription's owner (and logged as their read), or null
    /// when the token is unknown, revoked, its owner deactivated or no longer allowed: the caller answers 404 alike.
    /// </summary>
    public Task<string?> OpenFeedAsync(string token, CancellationToken ct = default) =>
        Retry.UnitOfWorkAsync(async () =>
        {
            if (!CalendarFeedSubscription.IsWellFormed(token))
                return null;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var hash = CalendarFeedSubscription.HashOf(token);
            var subscription = await db.CalendarFeedSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.TokenHash == hash && s.RevokedAt == null, ct);
            if (subscription is null)
                return null;
            var owner = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == subscription.OwnerUserId, ct);
            if (owner is null || owner.Deactivated)
                return null;
            var actor = new Actor(owner.Id, owner.DisplayName, owner.Role, owner.OrganisationId, null);
            PatientRelationship relationship;
            try
            {
                (_, relationship) = await guard.DemandWithRelationshipAsync(db, actor, subscription.PatientId, AccessAction.Read, PatientSection.Calendar,
                    "Calendar subscription feed", ct);
            }
            catch (PatientAccessDeniedException)
            {
                logger.LogInformation("Calendar subscription {SubscriptionId} refused: its owner may no longer see the calendar", subscription.Id);
                return null;
            }
            var text = await WriteAsync(db, subscription.PatientId, NotInFeed(actor, relationship), ct,
                CareCultures.Match(owner.PreferredLanguage) ?? CareCultures.Default);
            await db.SaveChangesAsync(ct);
            return text;
        }, repeatable: true, ct);

    /// <summary>The appointments the patient blocked from the feed's owner, also those seen only under emergency access (a feed is a copy).</summary>
    private static List<Guid> NotInFeed(Actor actor, PatientRelationship relationship) =>
        [.. PatientAccessPolicy.ItemIdsKeptOutOfCopies(actor, relationship, BlockedItemKind.Appointment)];

    private async Task<string> WriteAsync(CareDbContext db, Guid patientId, List<Guid> blocked, CancellationToken ct, CultureInfo? culture = null)
    {
        var from = clock.GetUtcNow() - History;
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.End >= from && !blocked.Contains(a.Id))
            .OrderBy(a => a.Start)
            .ToListAsync(ct);
        var organisationIds = appointments.Select(a => a.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var patientName = await db.Patients.Where(p => p.Id == patientId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);

        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        if (culture is not null)
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        try
        {
            var text = StaticText.For(typeof(CalendarFeedService));
            var entries = appointments.Select(a => new CalendarFeedEntry(
                a.Id, a.Start, a.End,
                $"{CalendarLabels.For(a.Type)} – {organisations.GetValueOrDefault(a.OrganisationId, "")}",
                a.Mode == AppointmentMode.InPerson ? a.Location : CalendarLabels.For(a.Mode),
                a.Reason,
                a.Status switch
                {
                    AppointmentStatus.Cancelled or AppointmentStatus.NoShow => CalendarFeedStatus.Cancelled,
                    AppointmentStatus.Proposed => CalendarFeedStatus.Tentative,
                    _ => CalendarFeedStatus.Confirmed,
                },
                a.ChangedAt ?? a.BookedAt));
            return ICalendarWriter.Write(string.Format(CultureInfo.CurrentCulture, text["{0} – calendar"], patientName), entries, clock.GetUtcNow());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
