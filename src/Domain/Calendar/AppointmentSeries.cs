using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Calendar;

/// <summary>
/// A recurring series (e.g. weekly training on Mondays and Thursdays at 09:00, twelve times). The rule is kept here, and
/// every occurrence is stored as an <see cref="Appointment"/> with this series' id, so conflicts, reminders and calendar
/// feeds treat them like any appointment. Changing "this and following" splits the series in two.
/// </summary>
public sealed class AppointmentSeries : AggregateRoot
{
    public Guid PatientId { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>The Copenhagen date the rule counts from.</summary>
    public DateOnly FirstDay { get; private set; }

    /// <summary>The Copenhagen clock time every occurrence starts at.</summary>
    public TimeOnly StartTime { get; private set; }
    public int DurationMinutes { get; private set; }
    public int IntervalWeeks { get; private set; }
    public IReadOnlyList<DayOfWeek> Days { get; private set; } = [];
    public int? Count { get; private set; }
    public DateOnly? Until { get; private set; }

    private AppointmentSeries() { }

    private AppointmentSeries(Guid patientId, Guid organisationId, DateOnly firstDay, TimeOnly startTime, TimeSpan duration, Recurrence rule)
    {
        PatientId = patientId;
        OrganisationId = organisationId;
        FirstDay = firstDay;
        StartTime = startTime;
        DurationMinutes = (int)duration.TotalMinutes;
        SetRule(rule);
    }

    public Recurrence Rule => new(IntervalWeeks, Days, Count, Until);

    public TimeSpan Duration => TimeSpan.FromMinutes(DurationMinutes);

    /// <summary>
    /// Plans a series and its occurrences, the first on <paramref name="firstDay"/> (or the first chosen weekday after it)
    /// at <paramref name="startTime"/> Copenhagen time. Refused if any occurrence is in the past or the rule is endless or too long.
    /// </summary>
    public static (AppointmentSeries Series, IReadOnlyList<Appointment> Occurrences) Book(Guid patientId, Guid organisationId,
        AppointmentDetails details, DateOnly firstDay, TimeOnly startTime, TimeSpan duration, Recurrence rule,
        IReadOnlyCollection<AppointmentParticipant> participants, ChangeStamp stamp, AppointmentStatus status = AppointmentStatus.Booked)
    {
        var times = rule.Occurrences(firstDay, startTime, duration);
        var series = new AppointmentSeries(patientId, organisationId, firstDay, startTime, duration, rule);
        var occurrences = times.Select(t => Appointment.Occurrence(patientId, organisationId, details, t, participants.Select(p => p.Copy()), stamp, status, series.Id)).ToList();
        return (series, occurrences);
    }

    /// <summary>The occurrences from <paramref name="from"/> on, in time order: the "this and following" of a change.</summary>
    public IReadOnlyList<Appointment> Following(Appointment from, IEnumerable<Appointment> occurrences) =>
        occurrences.Where(o => o.SeriesId == Id && o.Start >= from.Start).OrderBy(o => o.Start).ToList();

    /// <summary>
    /// Cancels <paramref name="from"/> and every later occurrence still to come, and ends the rule before it. Occurrences
    /// already attended or cancelled keep their status. Stale if <paramref name="from"/> changed since the user opened it.
    /// </summary>
    public IReadOnlyList<Appointment> CancelFollowing(Appointment from, Guid expectedVersion, IEnumerable<Appointment> occurrences, string? reason, ChangeStamp stamp)
    {
        var following = Following(from, occurrences);
        from.Cancel(expectedVersion, reason, stamp);
        foreach (var occurrence in following.Where(o => o != from && o.IsOpen))
            occurrence.Cancel(occurrence.Version, reason, stamp);
        EndBefore(from, occurrences);
        return following;
    }

    /// <summary>
    /// Changes <paramref name="from"/> and every later occurrence still to come: each keeps its own date and gets the new clock
    /// time, length, details and participants. They become a new series (returned) and this one ends before them; changing
    /// from the first occurrence changes the whole series in place (null is returned).
    /// </summary>
    public AppointmentSeries? ChangeFollowing(Appointment from, Guid expectedVersion, IEnumerable<Appointment> occurrences,
        AppointmentDetails details, TimeOnly startTime, TimeSpan duration, IReadOnlyCollection<AppointmentParticipant> participants, ChangeStamp stamp)
    {
        var all = occurrences.ToList();
        var following = Following(from, all);
        if (from.SeriesId != Id || !following.Contains(from))
            throw new DomainException("That appointment is not part of this series.");
        var whole = !all.Any(o => o.SeriesId == Id && o.Start < from.Start);
        var target = whole ? this : new AppointmentSeries(PatientId, OrganisationId, CopenhagenTime.DateOf(from.Start), startTime, duration,
            Until is { } until ? new Recurrence(IntervalWeeks, Days, until: until) : new Recurrence(IntervalWeeks, Days, count: following.Count));
        foreach (var occurrence in following.Where(o => o == from || o.IsOpen))
        {
            var begins = CopenhagenTime.At(CopenhagenTime.DateOf(occurrence.Start), startTime);
            occurrence.Change(occurrence == from ? expectedVersion : occurrence.Version, details, new AppointmentTime(begins, begins + duration),
                participants.Select(p => p.Copy()).ToList(), stamp);
        }
        if (whole)
        {
            StartTime = startTime;
            DurationMinutes = (int)duration.TotalMinutes;
            return null;
        }
        EndBefore(from, all);
        foreach (var occurrence in following)
            occurrence.MoveToSeries(target.Id);
        return target;
    }

    private void EndBefore(Appointment from, IEnumerable<Appointment> occurrences)
    {
        var earlier = occurrences.Count(o => o.SeriesId == Id && o.Start < from.Start);
        if (earlier == 0)
            return;
        SetRule(Until is not null
            ? new Recurrence(IntervalWeeks, Days, until: CopenhagenTime.DateOf(from.Start).AddDays(-1))
            : new Recurrence(IntervalWeeks, Days, count: earlier));
    }

    private void SetRule(Recurrence rule)
    {
        IntervalWeeks = rule.IntervalWeeks;
        Days = rule.Days;
        Count = rule.Count;
        Until = rule.Until;
    }
}
