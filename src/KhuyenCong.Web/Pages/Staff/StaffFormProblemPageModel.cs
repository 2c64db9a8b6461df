using KhuyenCong.Web.Problems;

namespace KhuyenCong.Web.Pages.Staff;

/// <summary>The answer to a staff action form posted without JavaScript that was not done: the API's problem and the way back.</summary>
/// <param name="Problem">The problem the action's route answered (its status is the page's).</param>
/// <param name="BackHref">The proposal's page.</param>
public sealed record StaffFormProblemPageModel(ProblemView Problem, string BackHref);
