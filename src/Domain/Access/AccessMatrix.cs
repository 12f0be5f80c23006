namespace CareWorkspace.Domain.Access;

/// <summary>
/// Who may do what in which section, by role: the reviewed table of ADR-004 (docs/decisions). It only says what a
/// role may do at all; <see cref="PatientAccessPolicy"/> adds the relationship (care team, own record, consent).
/// Letters: R read, S search, C create, U update any, u update own organisation's, D delete any, d delete own.
/// </summary>
public static class AccessMatrix
{
    private static readonly UserRole[] Columns =
    [
        UserRole.HospitalClinician, UserRole.GeneralPractitioner, UserRole.GpStaff, UserRole.MunicipalNurse,
        UserRole.MunicipalCareWorker, UserRole.Physiotherapist, UserRole.Coordinator, UserRole.Patient, UserRole.Relative, UserRole.System,
    ];

    private static readonly (PatientSection Section, string[] Cells)[] Rows =
    [
        //                              Hospital GP      GpStaff  Nurse    CareWkr  Physio   Coord    Patient  Relative System
        (PatientSection.MasterData,    ["RSU",  "RSU",  "RSU",   "RSU",   "RS",    "RS",    "RSU",   "RS",    "RS", "RU"]),
        (PatientSection.CareTeam,      ["RSCUD", "RSCUD", "RSu",  "RSCu",  "RS",    "RSu",   "RSCUD", "R",     "R", "RCU"]),
        (PatientSection.Conditions,    ["RSCU", "RSCU", "RS",    "RS",    "RS",    "RS",    "RS",    "R",     "R", ""]),
        (PatientSection.Relatives,     ["RSCUD", "RSCUD", "RSCUD", "RSCUD", "RS",   "RS",    "RSCUD", "R",     "R", ""]),
        (PatientSection.Messages,      ["RSCU", "RSCU", "RSCU",  "RSCU",  "RSC",   "RSCU",  "RSCU",  "RC",    "RC", ""]),
        (PatientSection.Timeline,      ["RS",   "RS",   "RS",    "RS",    "RS",    "RS",    "RS",    "R",     "R", ""]),
        (PatientSection.Presence,      ["R",    "R",    "R",     "R",     "R",     "R",     "R",     "R",     "R", ""]),
        (PatientSection.Consents,      ["RCUD", "RCUD", "R",     "RCUD",  "R",     "R",     "RCUD",  "RCUD",  "", ""]),
        (PatientSection.Calendar,      ["RSCU", "RSCU", "RSCU",  "RSCU",  "RSCU",  "RSCU",  "RSCU",  "R",     "R", "RCU"]),
        (PatientSection.CarePlan,      ["RSCU", "RSCU", "RSCU",  "RSCU",  "RS",    "RSCU",  "RSCU",  "R",     "R", ""]),
        (PatientSection.Rehabilitation, ["RSCU", "RS",  "RS",    "RS",    "RS",    "RSU",   "RS",    "RC",    "RC", ""]),
        (PatientSection.Triage,        ["R",    "RS",   "R",     "RSCU",  "RSCU",  "R",     "RS",    "R",     "R", ""]),
        (PatientSection.Medication,    ["RSCU", "RSCU", "RS",    "RS",    "RS",    "R",     "RS",    "R",     "R", "RCU"]),
        (PatientSection.Measurements,  ["R",    "R",    "R",     "R",     "R",     "R",     "R",     "R",     "R", "C"]),
        (PatientSection.MedicationAdministration, ["R", "R", "R", "RSC", "RSC", "R",   "R",     "R",     "R", ""]),
        (PatientSection.AccessLog,     ["",     "",     "",      "",      "",      "",      "",      "R",     "R", "RD"]),
    ];

    private static readonly Dictionary<(UserRole, PatientSection), Permission> Cells = Build();

    /// <summary>The permissions of a role in a section; administrators and unknown roles have none.</summary>
    public static Permission For(UserRole role, PatientSection section) =>
        Cells.TryGetValue((role, section), out var permission) ? permission : Permission.None;

    public static IReadOnlyList<UserRole> Roles => Columns;

    private static Dictionary<(UserRole, PatientSection), Permission> Build()
    {
        var cells = new Dictionary<(UserRole, PatientSection), Permission>();
        foreach (var (section, row) in Rows)
        {
            if (row.Length != Columns.Length)
                throw new InvalidOperationException($"The access matrix row {section} has {row.Length} cells, not {Columns.Length}.");
            for (var i = 0; i < Columns.Length; i++)
                cells[(Columns[i], section)] = Parse(row[i], section, Columns[i]);
        }
        var missing = Enum.GetValues<PatientSection>().Where(s => Rows.All(r => r.Section != s)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"The access matrix has no row for {string.Join(", ", missing)}.");
        return cells;
    }

    private static Permission Parse(string cell, PatientSection section, UserRole role) =>
        cell.Aggregate(Permission.None, (permission, letter) => permission | letter switch
        {
            'R' => Permission.Read,
            'S' => Permission.Search,
            'C' => Permission.Create,
            'U' => Permission.UpdateAny,
            'u' => Permission.UpdateOwn,
            'D' => Permission.DeleteAny,
            'd' => Permission.DeleteOwn,
            _ => throw new InvalidOperationException($"Unknown letter '{letter}' in the access matrix cell {section} × {role}."),
        });
}
