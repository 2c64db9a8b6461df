using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Common;

/// <summary>What the staff decisions log (ids and codes only, never names, comments or amounts' owners).</summary>
internal static partial class DecisionLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Proposal {ProposalId}: staff decision {Action} stored ({Decision}); event raised")]
    public static partial void Decided(ILogger logger, string proposalId, string action, string decision);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Rubric {RubricId} saved as version {Version}")]
    public static partial void RubricSaved(ILogger logger, string rubricId, int version);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Budget {Budget}: allocation set to {Allocated}")]
    public static partial void AllocationSet(ILogger logger, string budget, long allocated);
}
