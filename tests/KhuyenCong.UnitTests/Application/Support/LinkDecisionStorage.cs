using KhuyenCong.Application;
using KhuyenCong.Application.Attachments;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Links;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Links;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Infrastructure;
using KhuyenCong.Testing;
using KhuyenCong.UnitTests.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.UnitTests.Application.Support;

[CollectionDefinition(Name)]
public sealed class LinkDecisionCollection : ICollectionFixture<LinkDecisionStorage>
{
    public const string Name = "Link decisions on Azurite";
}

/// <summary>
/// The app's own stores (Tables and Blobs) on a private Azurite, and the use cases built on them, as the app registers
/// them (<c>AddApplication</c>, <c>AddInfrastructure</c>) but without LocalHost and without a durable engine: the
/// workflow is a <see cref="RecordingWorkflowEvents"/>. Proposals are written straight through the repository, in the
/// state each test needs.
/// </summary>
public sealed class LinkDecisionStorage : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();
    private ServiceProvider? services;

    public IServiceProvider Services => services ?? throw new InvalidOperationException("Storage has not started.");

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public IProposalRepository Proposals => Get<IProposalRepository>();

    public IProposalCaseStore Cases => Get<IProposalCaseStore>();

    public IBudgetLedger Ledger => Get<IBudgetLedger>();

    public ILinkUseStore Uses => Get<ILinkUseStore>();

    public IAttachmentStore Attachments => Get<IAttachmentStore>();

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Workflow:OfficerEmails"] = "can.bo@khuyencong.example.vn",
                ["Workflow:DirectorEmail"] = "giam.doc@khuyencong.example.vn",
            })
            .Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddLogging();
        collection.AddApplication();
        collection.AddInfrastructure(configuration);
        services = collection.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        await azurite.DisposeAsync();
    }

    /// <summary>A new proposal (the valid form of the validator's tests, another tax code each time) stored at <paramref name="status"/>.</summary>
    public async Task<Proposal> ProposalAsync(ProposalStatus status, Func<ProposalForm, ProposalForm>? change = null, IReadOnlyList<AttachmentInfo>? attachments = null)
    {
        var form = ProposalValidatorTests.ValidForm() with { TaxCode = "09" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var submission = ProposalValidator.Validate(change?.Invoke(form) ?? form).Submission ?? throw new InvalidOperationException("The test form is not valid.");
        var now = DateTimeOffset.UtcNow;
        var proposal = new Proposal
        {
            Id = Guid.NewGuid().ToString("N"),
            TrackingCode = KhuyenCong.Domain.Tracking.TrackingCode.New().Value,
            Submission = submission,
            Status = status,
            SubmittedAt = now,
            Channel = SubmissionChannel.Online,
            EnteredBy = "applicant",
            Attachments = attachments ?? [],
            History = [new StatusChange(now, null, status, "test", null)],
        };
        await Proposals.CreateAsync(proposal, CancellationToken.None);
        return proposal;
    }

    /// <summary>A PDF stored under the proposal, as an adapter streams one before calling a use case.</summary>
    public async Task<IncomingAttachment> UploadAsync(string proposalId, string fileName = "bao-gia.pdf")
    {
        var id = Guid.NewGuid().ToString("N");
        using var content = new MemoryStream(System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% " + fileName + "\n%%EOF\n"));
        var stored = await Attachments.UploadAsync(proposalId, id, content, "application/pdf", fileName, CancellationToken.None);
        return new IncomingAttachment(id, fileName, KhuyenCong.Domain.Attachments.AttachmentKind.Pdf, stored.Size, stored.Sha256, DateTimeOffset.UtcNow);
    }

    /// <summary>The files of the proposal in Blob Storage.</summary>
    public Task<IReadOnlyList<string>> BlobsAsync(string proposalId) => Attachments.ListAsync(proposalId, CancellationToken.None);

    /// <summary>A verified link on <paramref name="proposal"/>, as the adapter gives it to a use case.</summary>
    public static OpenedLink Link(Proposal proposal, string action, string subject, int round = 1) =>
        new(new LinkClaims(LinkToken.NewLinkId(), action, proposal.Id, subject, round, DateTimeOffset.UtcNow.AddDays(1)), proposal);

    /// <summary>Sets the proposal's budget line so exactly <paramref name="remaining"/> is left to commit.</summary>
    public async Task<BudgetKey> BudgetAsync(Proposal proposal, long remaining)
    {
        var key = new BudgetKey(proposal.Year, proposal.Submission.FundingSource);
        var line = await Ledger.GetAsync(key, CancellationToken.None);
        Assert.True((await Ledger.SetAllocationAsync(key, line.Committed + remaining, "test", CancellationToken.None)).IsSet);
        return key;
    }
}
