using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Telemetry;

/// <summary>
/// The app's own traces and metrics (OpenTelemetry names), and the log scope every workflow entry carries. Tags and
/// scopes hold ids and codes only: never names, emails, phones or tax codes.
/// </summary>
public static class KhuyenCongTelemetry
{
    public const string Name = "KhuyenCong";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> ProposalsSubmitted = Meter.CreateCounter<long>("khuyencong.proposals.submitted", "{proposal}", "Proposals accepted");

    public static readonly Counter<long> SubmissionsRejected = Meter.CreateCounter<long>("khuyencong.proposals.rejected", "{request}", "Submissions refused (validation, caps, files)");

    public static readonly Counter<long> EmailsSent = Meter.CreateCounter<long>("khuyencong.emails.sent", "{email}", "Emails accepted by the mail service");

    /// <summary>A log scope naming the proposal and its orchestration instance (instance id = proposal id).</summary>
    public static IDisposable? ProposalScope(this ILogger logger, string proposalId) =>
        logger.BeginScope(new Dictionary<string, object> { ["ProposalId"] = proposalId, ["InstanceId"] = proposalId });
}
