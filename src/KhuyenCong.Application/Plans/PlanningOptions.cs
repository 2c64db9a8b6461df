using System.ComponentModel.DataAnnotations;

namespace KhuyenCong.Application.Plans;

/// <summary>
/// Settings of section <c>Planning</c>. <see cref="LocalApprover"/>: who approves the province's annual khuyến công
/// plan: <c>people-committee</c> (the provincial People's Committee, on the Sở's tờ trình) or
/// <c>department-director</c> (the Sở's director, where the province delegated it; then the director's approval of a
/// call's selection is the plan decision). Both models exist in practice (docs/legal/cycle-reports-documents.md F2.2:
/// Bình Thuận, Bình Định, Tuyên Quang, Hải Dương by the People's Committee; Đắk Lắk by the Sở's director); no national
/// text fixing one was found, so it is a setting.
/// </summary>
public sealed class PlanningOptions
{
    public const string SectionName = "Planning";

    public const string PeopleCommittee = "people-committee";

    public const string DepartmentDirector = "department-director";

    public const string Ministry = "ministry";

    [Required(ErrorMessage = "Setting 'Planning:LocalApprover' is required.")]
    [RegularExpression("^(people-committee|department-director)$", ErrorMessage = "Setting 'Planning:LocalApprover' must be 'people-committee' or 'department-director'.")]
    public string LocalApprover { get; set; } = PeopleCommittee;

    public bool Delegated => LocalApprover == DepartmentDirector;
}
