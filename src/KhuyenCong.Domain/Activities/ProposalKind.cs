namespace KhuyenCong.Domain.Activities;

/// <summary>
/// The kind of a proposal: the coarse group of its activity (<see cref="ActivityCatalog"/>), used by budgets,
/// statistics, filters and the legacy <c>kind</c> field. Wire codes and names are in <see cref="ProposalKinds"/>; the codes of
/// the first twelve never change (records stored with them stay valid). The last four group activities the catalogue
/// added (data/reference/activities.json).
/// </summary>
public enum ProposalKind
{
    Training,
    DemonstrationModel,
    Machinery,
    TechnologyLine,
    TypicalProduct,
    Brand,
    ManagementTraining,
    Cluster,
    TradePromotion,
    Consulting,
    CleanerProduction,
    DigitalTransformation,
    EnterpriseEstablishment,
    Communication,
    CapacityBuilding,
    ArtisanSupport,
}
