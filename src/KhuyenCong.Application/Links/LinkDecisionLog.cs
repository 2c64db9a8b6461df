using Microsoft.Extensions.Logging;

namespace KhuyenCong.Application.Links;

/// <summary>Log messages of the decisions taken through emailed links (ids only: never names, emails or texts typed by users).</summary>
internal static partial class LinkDecisionLog
{
    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Proposal {ProposalId}: decision through a {Action} link")]
    public static partial void Decided(ILogger logger, string proposalId, string action);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Error, Message = "Proposal {ProposalId}: the {Action} decision is stored but its event could not be raised")]
    public static partial void EventNotRaised(ILogger logger, Exception exception, string proposalId, string action);
}
