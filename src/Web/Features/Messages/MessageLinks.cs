using Microsoft.AspNetCore.WebUtilities;

namespace CareWorkspace.Web.Features.Messages;

/// <summary>Addresses of a patient's message threads, for links from other sections (e.g. a triage escalation to the GP).</summary>
public static class MessageLinks
{
    public const string ThreadQuery = "thread";

    /// <summary>The patient's messages section with the thread open.</summary>
    public static string Thread(Guid patientId, Guid threadId) => $"patients/{patientId}/messages?{ThreadQuery}={threadId}";

    /// <summary>The thread named in an address made by <see cref="Thread"/>, if any.</summary>
    public static Guid? ThreadIn(string uri)
    {
        var query = new Uri(uri, UriKind.Absolute).Query;
        var value = QueryHelpers.ParseQuery(query).TryGetValue(ThreadQuery, out var v) ? v.ToString() : null;
        return Guid.TryParse(value, out var id) ? id : null;
    }
}
