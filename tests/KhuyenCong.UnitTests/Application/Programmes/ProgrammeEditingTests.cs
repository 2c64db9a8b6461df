using KhuyenCong.Application.Programmes;
using KhuyenCong.Domain.Programmes;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Application.Programmes;

/// <summary>Creating, editing and assigning programmes: the rules, the version edited, and assignments to existing programmes only.</summary>
[Collection(UseCaseCollection.Name)]
public class ProgrammeEditingTests(UseCaseStorage storage)
{
    private ProgrammeEditing Editing => storage.Get<ProgrammeEditing>();

    private static ProgrammeForm Form(string name) =>
        new(name, 2026, 2030, "local", "Quyết định 1234/QĐ-UBND", [new ProgrammeTargetForm("trainees", null, null, null, 500)]);

    [Fact]
    public async Task CreateAsync_Invalid_ErrorsByFieldInBothLanguages()
    {
        var result = await Editing.CreateAsync(Form("") with { ToYear = 2020 }, "officer", CancellationToken.None);

        var errors = DecisionAssert.InvalidFields(result, "name", "toYear");
        Assert.Equal(["Vui lòng nhập tên chương trình."], errors.In(Language.Vietnamese)["name"]);
        Assert.NotEqual(errors.In(Language.Vietnamese)["toYear"], errors.In(Language.English)["toYear"]);
    }

    [Fact]
    public async Task CreateAsync_Valid_Version1WithEveryTargetAtZero()
    {
        var view = DecisionAssert.Done(await Editing.CreateAsync(Form("Chương trình khuyến công địa phương 2026–2030"), "officer", CancellationToken.None));

        Assert.Equal((1, 0), (view.Record.Version, view.ProposalCount!.Value));
        Assert.All(view.Targets!, t => Assert.Equal(0, t.Actual));
    }

    [Fact]
    public async Task UpdateAsync_WithoutVersion_InvalidNamingTheVersion()
    {
        DecisionAssert.Invalid(await Editing.UpdateAsync("p", Form("Tên"), null, "officer", CancellationToken.None), "version", ProgrammeEditing.VersionRequired);
    }

    [Fact]
    public async Task UpdateAsync_Unknown_NotFound()
    {
        Assert.Equal(ProgrammeEditing.NoSuchProgramme, DecisionAssert.NotFound(await Editing.UpdateAsync(Guid.NewGuid().ToString("N"), Form("Tên"), 1, "officer", CancellationToken.None)));
    }

    [Fact]
    public async Task UpdateAsync_TwoEditsOfOneVersion_OneWinsTheOtherConflicts()
    {
        var id = DecisionAssert.Done(await Editing.CreateAsync(Form("Chương trình A"), "officer", CancellationToken.None)).Record.Programme.Id;

        var results = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => Task.Run(() => Editing.UpdateAsync(id, Form("Chương trình A" + i), 1, "officer", CancellationToken.None))));

        Assert.Equal(2, Assert.Single(results, r => r.IsDone).Value!.Record.Version);
        Assert.All(results.Where(r => !r.IsDone), r => Assert.Equal(ProgrammeEditing.Stale, DecisionAssert.Conflict(r)));
    }

    [Fact]
    public async Task AssignAsync_UnknownProgrammeOrProposal_NotFoundNamingWhich()
    {
        var assignment = storage.Get<ProgrammeAssignment>();
        var proposal = await storage.ProposalAsync(ProposalStatus.InProgress);
        var programme = DecisionAssert.Done(await Editing.CreateAsync(Form("Chương trình B"), "officer", CancellationToken.None)).Record.Programme.Id;

        var unknownProgramme = await assignment.AssignAsync(proposal.Id, "ffffffffffffffffffffffffffffffff", CancellationToken.None);
        var unknownProposal = await assignment.AssignAsync(Guid.NewGuid().ToString("N"), programme, CancellationToken.None);
        var assigned = await assignment.AssignAsync(proposal.Id, $" {programme} ", CancellationToken.None);
        var cleared = await assignment.AssignAsync(proposal.Id, "  ", CancellationToken.None);

        Assert.Equal("Không có chương trình này.", DecisionAssert.NotFound(unknownProgramme).Vietnamese);
        Assert.Equal("Không có đề án này.", DecisionAssert.NotFound(unknownProposal).Vietnamese);
        Assert.Equal(programme, DecisionAssert.Done(assigned));
        Assert.Null(DecisionAssert.Done(cleared));
        Assert.Null((await storage.Proposals.GetAsync(proposal.Id, CancellationToken.None))!.ProgrammeId);
    }
}
