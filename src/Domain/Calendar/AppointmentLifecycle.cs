namespace CareWorkspace.Domain.Calendar;

/// <summary>Which status may follow which: a proposal is booked or cancelled; a booked appointment is attended, missed or cancelled.</summary>
public static class AppointmentLifecycle
{
    private static readonly Dictionary<AppointmentStatus, AppointmentStatus[]> Next = new()
    {
        [AppointmentStatus.Proposed] = [AppointmentStatus.Booked, AppointmentStatus.Cancelled],
        [AppointmentStatus.Booked] = [AppointmentStatus.Arrived, AppointmentStatus.Fulfilled, AppointmentStatus.NoShow, AppointmentStatus.Cancelled],
        [AppointmentStatus.Arrived] = [AppointmentStatus.Fulfilled],
        [AppointmentStatus.Fulfilled] = [],
        [AppointmentStatus.Cancelled] = [],
        [AppointmentStatus.NoShow] = [],
    };

    public static IReadOnlyList<AppointmentStatus> AllowedAfter(AppointmentStatus status) => Next[status];

    public static bool MayMove(AppointmentStatus from, AppointmentStatus to) => Next[from].Contains(to);

    /// <summary>Still to come: its time, place and people may be changed.</summary>
    public static bool IsOpen(AppointmentStatus status) => status is AppointmentStatus.Proposed or AppointmentStatus.Booked;

    /// <summary>Only happens once the appointment has begun.</summary>
    public static bool NeedsStart(AppointmentStatus status) =>
        status is AppointmentStatus.Arrived or AppointmentStatus.Fulfilled or AppointmentStatus.NoShow;
}
