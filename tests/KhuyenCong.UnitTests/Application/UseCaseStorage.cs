using KhuyenCong.Application;
using KhuyenCong.Application.Appraisal;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Appraisal;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Domain.Tracking;
using KhuyenCong.Infrastructure;
using KhuyenCong.Testing;
using KhuyenCong.UnitTests.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.UnitTests.Application;

[CollectionDefinition(Name)]
public sealed class UseCaseCollection : ICollectionFixture<UseCaseStorage>
{
    public const string Name = "Use cases on Azurite";
}

/// <summary>
/// The application layer as the app builds it (<c>AddApplication</c>, <c>AddInfrastructure</c>) on a private Azurite:
/// the use cases run against the real Table stores, which decide first-decision-wins; no LocalHost, no durable engine
/// (the workflow port is <see cref="RecordingWorkflow"/>). Each test makes its own proposals, so tests share one store.
/// </summary>
public sealed class UseCaseStorage : IAsyncLifetime
{
    public const string Officer = "Nguyễn Văn An (officer-1)";

    private readonly AzuriteFixture azurite = new();
    private ServiceProvider? services;
    private int sequence = 100;

    public IServiceProvider Services => services ?? throw new InvalidOperationException("Not started.");

    public IProposalRepository Proposals => Get<IProposalRepository>();

    public IProposalCaseStore Cases => Get<IProposalCaseStore>();

    public IBudgetLedger Ledger => Get<IBudgetLedger>();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

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

    /// <summary>A stored proposal (the form of <see cref="ProposalValidatorTests.ValidForm"/>) at <paramref name="status"/>.</summary>
    public async Task<Proposal> ProposalAsync(ProposalStatus status)
    {
        var now = DateTimeOffset.UtcNow;
        var proposal = new Proposal
        {
            Id = Guid.NewGuid().ToString("N"),
            TrackingCode = TrackingCode.New().Value,
            Submission = ProposalValidator.Validate(ProposalValidatorTests.ValidForm(), Language.Vietnamese).Submission!,
            Status = ProposalStatus.Submitted,
            SubmittedAt = now,
            Channel = SubmissionChannel.Online,
            EnteredBy = "applicant",
            History = [new StatusChange(now, null, ProposalStatus.Submitted, "applicant", null)],
        };
        await Proposals.CreateAsync(proposal, CancellationToken.None);
        if (status != ProposalStatus.Submitted)
        {
            await Proposals.ChangeStatusAsync(proposal.Id, Interlocked.Increment(ref sequence), new StatusChange(now, ProposalStatus.Submitted, status, "test", null), CancellationToken.None);
        }

        return (await Proposals.GetAsync(proposal.Id, CancellationToken.None))!;
    }

    /// <summary>A proposal in screening whose round-1 checks are done and undecided.</summary>
    public async Task<Proposal> InScreeningAsync()
    {
        var proposal = await ProposalAsync(ProposalStatus.Screening);
        await Cases.SaveScreeningAsync(proposal.Id, new ScreeningRecord(1, [], DateTimeOffset.UtcNow), CancellationToken.None);
        return proposal;
    }

    /// <summary>A proposal in review with one open review of round 1; returns the reviewer's id.</summary>
    public async Task<(Proposal Proposal, string ReviewerId)> InReviewAsync()
    {
        var proposal = await ProposalAsync(ProposalStatus.InReview);
        var reviewerId = Guid.NewGuid().ToString("N");
        await Get<IReviewerRoster>().CreateAsync(
            new Reviewer(reviewerId, "Lê Thị Thu", $"thu+{reviewerId}@example.vn", null, "Trường Cao đẳng Công nghiệp", [ProposalKind.Machinery], ["Cơ khí"], [], [], true),
            "test", CancellationToken.None);
        await Cases.InviteAsync(new ReviewRecord(proposal.Id, 1, reviewerId, "Lê Thị Thu", ReviewState.Invited, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(10)),
            CancellationToken.None);
        return (proposal, reviewerId);
    }

    /// <summary>A proposal at <paramref name="status"/> with <paramref name="approved"/> committed in the ledger.</summary>
    public async Task<Proposal> CommittedAsync(long approved, ProposalStatus status)
    {
        var proposal = await ProposalAsync(status);
        var key = new BudgetKey(proposal.Year, proposal.Submission.FundingSource);
        var line = await Ledger.GetAsync(key, CancellationToken.None);
        if (line.Remaining < approved)
        {
            Assert.True((await Ledger.SetAllocationAsync(key, line.Committed + 1_000_000_000_000, "test", CancellationToken.None)).IsSet);
        }

        Assert.Equal(CommitOutcome.Committed, (await Ledger.CommitAsync(key, proposal.Id, approved, "director", CancellationToken.None)).Outcome);
        return proposal;
    }
}
