using System.Text;
using CareWorkspace.Domain.Messaging;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Web.Features.CareTeam;
using CareWorkspace.Web.Features.Messages;

namespace CareWorkspace.IntegrationTests.Infrastructure;

/// <summary>Inputs for the pathway services that never collide with each other or with the demo data.</summary>
public static class PathwayTestData
{
    /// <summary>The organisation test members join: nobody signs in for it, so adding it grants no one access.</summary>
    public const string MemberOrganisation = "Havby Kommune";

    public static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(20);

    private static int periods;

    /// <summary>
    /// A care team member of <see cref="MemberOrganisation"/> as coordinator, in a short period of its own far ahead,
    /// so that no two test members overlap (the care team refuses overlapping roles of one organisation).
    /// </summary>
    public static CareTeamMemberInput Member(CareTeamView view, string? personName = null, string? phone = null)
    {
        var organisation = view.Organisations.Single(o => o.Name == MemberOrganisation);
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(5).AddDays(10 * Interlocked.Increment(ref periods));
        return new CareTeamMemberInput(organisation.Id, CareTeamRole.Coordinator, personName ?? "Test " + Unique(), phone, from, from.AddDays(5), "Integration test");
    }

    public static RelativeInput Relative(string? name = null, string phone = "+45 40 11 22 33", bool isContactRelative = false) =>
        new(name ?? "Relative " + Unique(), RelationshipCode.FRND, phone, isContactRelative);

    public static NewThreadInput Thread(string? subject = null, bool sharedWithPatient = false, bool sharedWithRelatives = false,
        string text = "Please see the attached.", bool needsAction = false) =>
        new(subject ?? "Test " + Unique(), MessageCategory.Other, sharedWithPatient, sharedWithRelatives, text, needsAction);

    public static byte[] PdfBytes { get; } = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A Windows executable's first bytes ("MZ" header).</summary>
    public static byte[] ExeBytes { get; } = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    public static UploadedFile File(string fileName, byte[] bytes) => new(fileName, bytes.Length, () => new MemoryStream(bytes, writable: false));

    public static UploadedFile Pdf(string fileName = "discharge-letter.pdf") => File(fileName, PdfBytes);

    public static string Unique() => Guid.NewGuid().ToString("N")[..8];

    public static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken ct)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            return copy.ToArray();
        }
    }
}
