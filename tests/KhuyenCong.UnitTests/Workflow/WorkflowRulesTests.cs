using KhuyenCong.Application.Email;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Caps;
using KhuyenCong.Domain.Proposals;

namespace KhuyenCong.UnitTests.Workflow;

public class WorkflowRulesTests
{
    private static readonly DateOnly Today = new(2027, 1, 15);

    /// <summary>What an establishment attaches for machinery (data/reference/documents.json).</summary>
    private static readonly string[] MachineryDocuments = ["thuyet-minh", "dang-ky-kinh-doanh", "du-toan", "bao-gia", "cam-ket-doi-ung", "cam-ket-khong-trung"];

    private static Proposal Proposal(ProposalKind kind = ProposalKind.Machinery, int files = 0, long total = 600_000_000, long requested = 250_000_000, long? own = null, int earlier = 0,
        string title = "Máy sấy nông sản", string[]? documents = null) => new()
    {
        Id = "p1",
        TrackingCode = "KC-AAAA-BBBB-CCCC-DDDD-EE",
        Status = ProposalStatus.Screening,
        SubmittedAt = new DateTimeOffset(2027, 1, 10, 3, 0, 0, TimeSpan.Zero),
        Channel = SubmissionChannel.Online,
        EnteredBy = "applicant",
        EarlierProposalCount = earlier,
        Attachments = [.. (documents ?? MachineryDocuments).Select((d, i) => new AttachmentInfo($"d{i}", $"{d}.pdf", "application/pdf", 100, "00", DateTimeOffset.UtcNow) { Document = d }),
            .. Enumerable.Range(0, files).Select(i => new AttachmentInfo($"a{i}", $"tep-{i}.pdf", "application/pdf", 100, "00", DateTimeOffset.UtcNow))],
        Submission = new ProposalSubmission
        {
            OrganizationName = "HTX <Tiên Lữ>",
            TaxCode = "0101234567",
            EntityType = "cooperative",
            Representative = "Nguyễn Thị Hoa",
            Email = "hoa@example.vn",
            Phone = "0912345678",
            Address = "Thôn Đông",
            Commune = "Xã Thiện Phiến",
            Province = "hung-yen",
            Kind = kind,
            Sector = "Chế biến nông sản",
            FundingSource = FundingSource.Local,
            Title = title,
            Summary = "Tóm tắt",
            TotalCost = total,
            RequestedSupport = requested,
            OwnContribution = own ?? total - requested,
            StartDate = new DateOnly(2027, 3, 1),
            EndDate = new DateOnly(2027, 10, 31),
        },
    };

    private static CapCheckResult NoCap(Proposal p) => CapCheck.Check(p.Submission, (SupportCap?)null);

    [Fact]
    public void Run_CompleteFileWithinCap_FindsNothingBlockingAndListsTheDocuments()
    {
        var p = Proposal();

        var findings = ScreeningChecks.Run(p, NoCap(p), Today);

        Assert.DoesNotContain(findings, f => f.Blocking);
        var complete = Assert.Single(findings, f => f.Code == ScreeningChecks.DocumentsComplete);
        Assert.Contains("Dự toán kinh phí chi tiết", complete.Vi, StringComparison.Ordinal);
        Assert.Contains(findings, f => f.Code == ScreeningChecks.CapUnconfirmed && !f.Blocking);
    }

    // data/reference/documents.json: the documents of the activity (TT 36/2013 Điều 10 khoản 2 as amended; TT 28/2018 conditions).
    [Theory]
    [InlineData(new[] { "thuyet-minh", "dang-ky-kinh-doanh", "du-toan", "cam-ket-doi-ung", "cam-ket-khong-trung" }, 0, true)]
    [InlineData(new[] { "thuyet-minh", "dang-ky-kinh-doanh", "du-toan", "cam-ket-doi-ung", "cam-ket-khong-trung" }, 1, false)]
    [InlineData(new[] { "thuyet-minh" }, 2, true)]
    public void Run_DocumentMissing_ListsWhatIsThereAndWhatIsMissingBlockingUnlessUnmarkedFilesMayCoverIt(string[] documents, int unmarked, bool blocking)
    {
        var p = Proposal(documents: documents, files: unmarked);

        var finding = Assert.Single(ScreeningChecks.Run(p, NoCap(p), Today), f => f.Code == ScreeningChecks.DocumentsMissing);

        Assert.Equal(blocking, finding.Blocking);
        Assert.Contains("Báo giá máy móc, thiết bị của nhà cung cấp", finding.Vi, StringComparison.Ordinal);
        Assert.Contains("Đã có: Đề án (thuyết minh đề án)", finding.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TrainingByAnEstablishment_AsksNoSupplierQuote()
    {
        var p = Proposal(ProposalKind.Training, documents: ["thuyet-minh", "dang-ky-kinh-doanh", "du-toan", "cam-ket-doi-ung", "cam-ket-khong-trung"]);

        Assert.Contains(ScreeningChecks.Run(p, NoCap(p), Today), f => f.Code == ScreeningChecks.DocumentsComplete);
    }

    [Fact]
    public void Run_RequestAboveTheCapInForce_FindsCapExceededAsBlocking()
    {
        var p = Proposal(requested: 400_000_000);
        var cap = new SupportCap(FundingSource.Local, null, ProposalKind.Machinery, new DateOnly(2020, 1, 1), null, 50, 250_000_000, "NQ HĐND");

        var findings = ScreeningChecks.Run(p, CapCheck.Check(p.Submission, cap), Today);

        Assert.Contains(findings, f => f.Code == ScreeningChecks.CapExceeded && f.Blocking);
    }

    [Fact]
    public void Run_OwnContributionShortAndEarlierSupport_FindsBothWithOnlyTheMoneyBlocking()
    {
        var p = Proposal(own: 100_000_000, earlier: 2);

        var findings = ScreeningChecks.Run(p, NoCap(p), Today);

        Assert.Contains(findings, f => f.Code == ScreeningChecks.MatchingMoneyShort && f.Blocking);
        Assert.Contains(findings, f => f.Code == ScreeningChecks.EarlierSupport && !f.Blocking && f.Vi.Contains("2 đề án", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_TextWithMarkup_IsEscapedInHtmlAndKeptInText()
    {
        var p = Proposal(title: "<script>alert(1)</script> & \"máy\"");

        var message = WorkflowEmails.Rejected(p, "Lý do <b>đậm</b>", "https://kc.example.vn");

        Assert.DoesNotContain("<script>", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", message.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", message.Html, StringComparison.Ordinal);
        Assert.Contains("HTX &lt;Tiên Lữ&gt;", message.Html, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", message.Text, StringComparison.Ordinal);
        Assert.True(message.Html.IndexOf("lang=\"vi\"", StringComparison.Ordinal) < message.Html.IndexOf("lang=\"en\"", StringComparison.Ordinal), "Vietnamese comes first.");
    }

    [Fact]
    public void ReviewInvitation_FirstAndReminders_HaveDistinctSendIdsAndAnEnglishLink()
    {
        var p = Proposal();
        var due = new DateTimeOffset(2027, 1, 25, 10, 0, 0, TimeSpan.Zero);

        var first = WorkflowEmails.ReviewInvitation(p, "a@kc.vn", "TS. A", 1, due, "https://kc.example.vn/links/t1");
        var reminder = WorkflowEmails.ReviewInvitation(p, "a@kc.vn", "TS. A", 1, due, "https://kc.example.vn/links/t2", 1);
        var otherRound = WorkflowEmails.ReviewInvitation(p, "a@kc.vn", "TS. A", 2, due, "https://kc.example.vn/links/t3");

        Assert.Equal(3, new[] { first.SendId, reminder.SendId, otherRound.SendId }.Distinct().Count());
        Assert.DoesNotContain("a@kc.vn", first.SendId, StringComparison.Ordinal);
        Assert.Contains("https://kc.example.vn/links/t1?lang=en", first.Html, StringComparison.Ordinal);
        Assert.Contains("17:00 ngày 25/01/2027", first.Text, StringComparison.Ordinal);
        Assert.StartsWith("Nhắc thẩm định", reminder.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Officers_CommaOrSemicolonSeparated_AreSplitAndTrimmed()
    {
        var options = new WorkflowOptions { OfficerEmails = " a@kc.vn; b@kc.vn ,c@kc.vn ,," };

        Assert.Equal(["a@kc.vn", "b@kc.vn", "c@kc.vn"], options.Officers);
    }
}

public class WorkflowOptionsTests
{
    private static List<System.ComponentModel.DataAnnotations.ValidationResult> Validate(WorkflowOptions options)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new System.ComponentModel.DataAnnotations.ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Validate_ZeroReviewDeadline_NamesTheSetting()
    {
        var results = Validate(new WorkflowOptions { OfficerEmails = "a@kc.vn", DirectorEmail = "gd@kc.vn", ReviewDeadline = TimeSpan.Zero });

        Assert.Contains(results, r => r.ErrorMessage == "Setting 'Workflow:ReviewDeadline' must be between 1 second and 365 days.");
    }

    [Fact]
    public void Validate_ManyThreadsAtOnce_NeverThrowsAndAgrees()
    {
        // [Range(typeof(TimeSpan), …)] threw InvalidCastException when first used on several threads at once.
        var counts = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 2000, i => counts.Add(Validate(new WorkflowOptions { OfficerEmails = "a@kc.vn", DirectorEmail = "gd@kc.vn", RevisionDeadline = TimeSpan.FromDays(i % 2 == 0 ? 15 : 400) }).Count));

        Assert.Equal(1000, counts.Count(c => c == 0));
        Assert.Equal(1000, counts.Count(c => c == 1));
    }
}
