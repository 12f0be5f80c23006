using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using CareWorkspace.Domain.Audit;

namespace CareWorkspace.Infrastructure.AccessLog.Retention;

/// <summary>What an archive run wrote: the file, its SHA-256 (also in <c>&lt;file&gt;.sha256</c>), and the records in it.</summary>
public sealed record AccessLogArchive(string Path, string Sha256, int Count, long LastId);

/// <summary>
/// Writes access records to a gzip'd JSON Lines file (one record a line, every field, instants in UTC) beside a
/// <c>sha256sum</c>-style checksum file. The file is written under a temporary name, flushed to disk, read back and
/// counted, and only then given its name: a file with the final name is complete, and a failure leaves none behind.
/// </summary>
public static class AccessLogArchiveFile
{
    public const string Extension = ".jsonl.gz";
    public const string ChecksumExtension = ".sha256";
    private const string PartialExtension = ".partial";

    public static string NameFor(DateOnly firstDayKept, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"access-log-before-{firstDayKept:yyyy-MM-dd}-{now.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}{Extension}");

    /// <summary>Writes the records; returns null (and writes nothing) when there are none.</summary>
    public static async Task<AccessLogArchive?> WriteAsync(string directory, string name, IAsyncEnumerable<AccessRecord> records, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        var partial = path + PartialExtension;
        try
        {
            var (count, lastId) = await WriteLinesAsync(partial, records, ct);
            if (count == 0)
            {
                File.Delete(partial);
                return null;
            }
            var sha256 = await VerifyAsync(partial, count, ct);
            File.Move(partial, path, overwrite: false);
            await WriteDurablyAsync(path + ChecksumExtension, $"{sha256}  {name}\n", ct);
            return new AccessLogArchive(path, sha256, count, lastId);
        }
        catch
        {
            TryDelete(partial);
            throw;
        }
    }

    /// <summary>Reads an archive back, one JSON document a record (for checks and tests).</summary>
    public static async IAsyncEnumerable<JsonElement> ReadAsync(string path)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (await reader.ReadLineAsync() is { } line)
        {
            using var document = JsonDocument.Parse(line);
            yield return document.RootElement.Clone();
        }
    }

    private static async Task<(int Count, long LastId)> WriteLinesAsync(string partial, IAsyncEnumerable<AccessRecord> records, CancellationToken ct)
    {
        var (count, lastId) = (0, 0L);
        await using var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        await using (var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true))
        {
            var buffer = new ArrayBufferWriter<byte>(1024);
            await foreach (var record in records.WithCancellation(ct))
            {
                buffer.ResetWrittenCount();
                using (var json = new Utf8JsonWriter(buffer))
                    Write(json, record);
                buffer.Write("\n"u8);
                await gzip.WriteAsync(buffer.WrittenMemory, ct);
                count++;
                lastId = Math.Max(lastId, record.Id);
            }
        }
        await file.FlushAsync(ct);
        file.Flush(flushToDisk: true);
        return (count, lastId);
    }

    private static void Write(Utf8JsonWriter json, AccessRecord record)
    {
        json.WriteStartObject();
        json.WriteNumber("id", record.Id);
        json.WriteString("at", record.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        json.WriteString("userId", record.UserId);
        json.WriteString("userDisplayName", record.UserDisplayName);
        json.WriteString("role", record.Role.ToString());
        WriteNullable(json, "organisationId", record.OrganisationId?.ToString());
        WriteNullable(json, "organisationName", record.OrganisationName);
        WriteNullable(json, "patientId", record.PatientId?.ToString());
        json.WriteString("section", record.Section.ToString());
        json.WriteString("what", record.What);
        json.WriteString("action", record.Action.ToString());
        json.WriteBoolean("allowed", record.Allowed);
        json.WriteString("reason", record.Reason);
        json.WriteBoolean("emergencyAccess", record.EmergencyAccess);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }

    /// <summary>Hashes the bytes on disk and checks that they decompress to the records written.</summary>
    private static async Task<string> VerifyAsync(string partial, int count, CancellationToken ct)
    {
        string sha256;
        await using (var file = File.OpenRead(partial))
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
        var lines = 0;
        await using (var file = File.OpenRead(partial))
        await using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip))
        {
            while (await reader.ReadLineAsync(ct) is not null)
                lines++;
        }
        if (lines != count)
            throw new IOException($"The access log archive {partial} holds {lines} records after writing {count}; nothing is deleted.");
        return sha256;
    }

    private static async Task WriteDurablyAsync(string path, string text, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
        await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), ct);
        await file.FlushAsync(ct);
        file.Flush(flushToDisk: true);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
