using System.Globalization;
using System.Text;
using KhuyenCong.Application.Exchange;
using KhuyenCong.Application.Proposals;
using KhuyenCong.Domain.Activities;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Infrastructure.Proposals;
using KhuyenCong.LocalHost.Hosting;
using KhuyenCong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.IntegrationTests.Exchange;

/// <summary>
/// One Azurite with two LocalHosts: <see cref="Host"/> with the default limits, and <see cref="LimitsHost"/> (its own
/// task hub) with small import limits and a proposal repository that can be told to fail a write (fault injection
/// around the real Table repository, to test that a failed import removes what it wrote).
/// </summary>
public sealed class ExchangeFixture : IAsyncLifetime
{
    public const int SmallMaxImportBytes = 16 * 1024;
    public const int SmallMaxImportRows = 3;

    private readonly LocalHostFixture main = new();

    public LocalHostApplication Host => main.Host;

    public LocalHostApplication LimitsHost { get; private set; } = null!;

    public FaultyProposalRepository Faults { get; private set; } = null!;

    public string StorageConnectionString => main.StorageConnectionString;

    public HttpClient CreateClient() => main.CreateClient(withFunctionKey: true);

    public IProposalRepository Proposals => Host.Services.GetRequiredService<IProposalRepository>();

    public async Task InitializeAsync()
    {
        await main.InitializeAsync();
        LimitsHost = await LocalHostFactory.StartAsync(main.StorageConnectionString, new Dictionary<string, string?>
        {
            ["KhuyenCong:TaskHubName"] = "KhuyenCongExchange",
            ["Exchange:MaxImportBytes"] = SmallMaxImportBytes.ToString(CultureInfo.InvariantCulture),
            ["Exchange:MaxImportRows"] = SmallMaxImportRows.ToString(CultureInfo.InvariantCulture),
        }, services => services.AddSingleton<IProposalRepository>(sp =>
        {
            Faults = new FaultyProposalRepository(ActivatorUtilities.CreateInstance<TableProposalRepository>(sp));
            return Faults;
        }));
        _ = LimitsHost.Services.GetRequiredService<IProposalRepository>();
    }

    public async Task DisposeAsync()
    {
        if (LimitsHost is not null)
        {
            await LimitsHost.DisposeAsync();
        }

        await main.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ExchangeCollection : ICollectionFixture<ExchangeFixture>
{
    public const string Name = "Proposal exchange";
}

/// <summary>The real Table repository, with a switch that makes the n-th next <see cref="CreateAsync"/> fail after it wrote the record.</summary>
public sealed class FaultyProposalRepository(IProposalRepository inner) : IProposalRepository
{
    private int failOnCreate;

    /// <summary>The <paramref name="n"/>-th create from now writes the proposal, then throws (as if its index rows failed).</summary>
    public void FailCreate(int n) => Volatile.Write(ref failOnCreate, n);

    public async Task CreateAsync(Proposal proposal, CancellationToken cancellationToken)
    {
        await inner.CreateAsync(proposal, cancellationToken);
        if (Volatile.Read(ref failOnCreate) > 0 && Interlocked.Decrement(ref failOnCreate) == 0)
        {
            throw new IOException("Injected storage failure after the record was written.");
        }
    }

    public Task DeleteAsync(Proposal proposal, CancellationToken cancellationToken) => inner.DeleteAsync(proposal, cancellationToken);

    public Task<Proposal?> GetAsync(string proposalId, CancellationToken cancellationToken) => inner.GetAsync(proposalId, cancellationToken);

    public Task ChangeStatusAsync(string proposalId, int sequence, StatusChange change, CancellationToken cancellationToken) =>
        inner.ChangeStatusAsync(proposalId, sequence, change, cancellationToken);

    public Task<bool> SaveFundingAsync(string proposalId, ProposalFunding funding, CancellationToken cancellationToken) =>
        inner.SaveFundingAsync(proposalId, funding, cancellationToken);

    public Task<bool> SetProgrammeAsync(string proposalId, string? programmeId, CancellationToken cancellationToken) =>
        inner.SetProgrammeAsync(proposalId, programmeId, cancellationToken);

    public Task<Proposal?> FindByTrackingCodeAsync(string trackingCode, CancellationToken cancellationToken) =>
        inner.FindByTrackingCodeAsync(trackingCode, cancellationToken);

    public Task<IReadOnlyList<int>> ListYearsAsync(CancellationToken cancellationToken) => inner.ListYearsAsync(cancellationToken);

    public Task<bool> UpdateSubmissionAsync(string proposalId, ProposalSubmission submission, CancellationToken cancellationToken) =>
        inner.UpdateSubmissionAsync(proposalId, submission, cancellationToken);

    public Task AddAttachmentsAsync(string proposalId, IReadOnlyList<AttachmentInfo> attachments, CancellationToken cancellationToken) =>
        inner.AddAttachmentsAsync(proposalId, attachments, cancellationToken);

    public Task<bool> RemoveAttachmentAsync(string proposalId, string attachmentId, CancellationToken cancellationToken) =>
        inner.RemoveAttachmentAsync(proposalId, attachmentId, cancellationToken);

    public Task<IReadOnlyList<ProposalSummary>> ListAsync(ProposalListQuery query, CancellationToken cancellationToken) =>
        inner.ListAsync(query, cancellationToken);

    public Task<IReadOnlyList<EarlierProposal>> FindByTaxCodeAsync(string taxCode, ProposalKind kind, DateTimeOffset since, CancellationToken cancellationToken) =>
        inner.FindByTaxCodeAsync(taxCode, kind, since, cancellationToken);
}

/// <summary>Import files in the exchange columns, built from rows keyed by column code.</summary>
internal static class ImportFiles
{
    public static readonly Uri ImportUri = new("/api/import/proposals", UriKind.Relative);

    /// <summary>A valid settled historical đề án (its own tax code and email each call).</summary>
    public static Dictionary<string, string?> SettledRow(int year = 2018) => new(StringComparer.Ordinal)
    {
        [ProposalColumns.Title] = "Ứng dụng máy sấy long nhãn bằng bơm nhiệt",
        [ProposalColumns.OrganizationName] = "Công ty TNHH Long nhãn Hồng Nam",
        [ProposalColumns.TaxCode] = Proposals.ProposalForms.NewTaxCode(),
        [ProposalColumns.Representative] = "Nguyễn Văn Hùng",
        [ProposalColumns.Email] = $"longnhan+{Guid.NewGuid():N}@hungyen.example",
        [ProposalColumns.Phone] = "0912345678",
        [ProposalColumns.Address] = "Thôn Đông, xã Hồng Nam, thành phố Hưng Yên",
        [ProposalColumns.Commune] = "Xã Hồng Nam",
        [ProposalColumns.Province] = "hung-yen",
        [ProposalColumns.Kind] = "machinery",
        [ProposalColumns.Sector] = "Chế biến nông sản",
        [ProposalColumns.FundingSource] = "local",
        [ProposalColumns.TotalCost] = "500000000",
        [ProposalColumns.RequestedSupport] = "200000000",
        [ProposalColumns.OwnContribution] = "300000000",
        [ProposalColumns.StartDate] = $"{year}-06-01",
        [ProposalColumns.EndDate] = $"{year}-10-31",
        [ProposalColumns.ExpectedJobs] = "15",
        [ProposalColumns.Status] = "settled",
        [ProposalColumns.SubmittedAt] = $"{year}-03-15T08:30:00+07:00",
        [ProposalColumns.ApprovedAmount] = "180000000",
        [ProposalColumns.DecisionNumber] = "125/QĐ-SCT",
        [ProposalColumns.DecisionDate] = $"{year}-05-10",
        [ProposalColumns.ContractNumber] = $"07/{year}/HĐ-KC",
        [ProposalColumns.ContractDate] = $"{year}-05-20",
        [ProposalColumns.PaidAmount] = "180000000",
        [ProposalColumns.AcceptedOn] = $"{year}-12-10",
        [ProposalColumns.SettledOn] = $"{year + 1}-01-15",
        [ProposalColumns.ProgrammeId] = "KCDP-HY-2016-2020",
        [ProposalColumns.Summary] = "Đầu tư máy sấy bơm nhiệt.\nGiảm 30% điện năng.",
    };

    public static Dictionary<string, string?> With(this Dictionary<string, string?> row, string column, string? value)
    {
        row[column] = value;
        return row;
    }

    /// <summary>A CSV (UTF-8 with BOM) with the Vietnamese headers of the given columns (all by default) and the rows.</summary>
    public static byte[] Csv(IReadOnlyList<string>? columns, params Dictionary<string, string?>[] rows)
    {
        var codes = columns ?? ProposalColumns.All.Select(c => c.Code).ToList();
        var text = new StringBuilder();
        text.Append(string.Join(',', codes.Select(c => Quote(ProposalColumns.All.FirstOrDefault(x => x.Code == c)?.Vietnamese ?? c)))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', codes.Select(c => Quote(row.GetValueOrDefault(c) ?? string.Empty)))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Csv(params Dictionary<string, string?>[] rows) => Csv(null, rows);

    public static ByteArrayContent Content(byte[] bytes, string mediaType = "text/csv")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return content;
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
