using KhuyenCong.Application.Plans;
using KhuyenCong.Domain.Programmes;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Web.Pages.Staff;
using KhuyenCong.Web.Rendering;

namespace KhuyenCong.Web.Pages.Planning;

/// <summary>What <c>/staff/programmes</c> shows: every programme, and the form for a new one.</summary>
public sealed record ProgrammesPageModel(IReadOnlyList<ProgrammeRecord> Programmes, StaffLinks Links);

/// <summary>What <c>/staff/programmes/{id}</c> shows: the programme, the progress of its targets, the proposals assigned, the edit form.</summary>
public sealed record ProgrammePageModel(ProgrammeRecord Record, IReadOnlyList<TargetProgress> Targets, int ProposalCount, StaffLinks Links);

/// <summary>What <c>/staff/plans?year=</c> shows: each funding source's plan and budget line, the form for one of them (<paramref name="Editing"/>).</summary>
public sealed record PlansPageModel(AnnualPlanYear Year, FundingSource Editing, StaffLinks Links);
