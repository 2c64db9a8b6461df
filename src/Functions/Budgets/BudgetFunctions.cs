using System.Globalization;
using System.Text.Json;
using KhuyenCong.Application.Budgets;
using KhuyenCong.Application.Identity;
using KhuyenCong.Domain.Budgets;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;
using KhuyenCong.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.Functions.Budgets;

/// <summary>The yearly budgets per funding source: any staff member reads them; finance (or an administrator) sets allocations.</summary>
public sealed partial class BudgetFunctions(IBudgetLedger ledger, ILogger<BudgetFunctions> logger)
{
    /// <summary><c>GET /api/budgets?year=2026</c>: the year's lines for both funding sources.</summary>
    [Function(nameof(ListBudgets))]
    public async Task<IActionResult> ListBudgets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/budgets")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = Web.RequestLanguage.From(request);
        if (StaffAccess.Principal(request) is null)
        {
            return StaffAccess.Denied(StatusCodes.Status401Unauthorized, language);
        }

        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var year = ParseYear(request.Query["year"].ToString(), language, errors);
        if (year is null)
        {
            return Problems.Fields(errors, language);
        }

        var lines = new List<object>();
        foreach (var source in ProposalCatalog.FundingSources)
        {
            lines.Add(ToJson(await ledger.GetAsync(new BudgetKey(year.Value, source.Value), cancellationToken), language));
        }

        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new OkObjectResult(new { year = year.Value, lines });
    }

    /// <summary><c>PUT /api/budgets/{year}/{fundingSource}</c> with <c>{ "allocated": 5200000000 }</c>: sets the allocation.</summary>
    [Function(nameof(SetBudgetAllocation))]
    public async Task<IActionResult> SetBudgetAllocation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/budgets/{year}/{fundingSource}")] HttpRequest request,
        string year,
        string fundingSource,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = Web.RequestLanguage.From(request);
        var en = language == Language.English;
        var staff = StaffAccess.Require(request, StaffRoles.Finance, out var denied);
        if (staff is null)
        {
            return StaffAccess.Denied(denied, language);
        }

        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var parsedYear = ParseYear(year, language, errors);
        if (!ProposalCatalog.TryParseFundingSource(fundingSource, out var source))
        {
            errors["fundingSource"] = [en ? "Unknown funding source (national or local)." : "Nguồn kinh phí không hợp lệ (national hoặc local)."];
        }

        var allocated = await ReadAllocatedAsync(request, language, errors, cancellationToken);
        if (errors.Count > 0 || parsedYear is null || allocated is null)
        {
            return Problems.Fields(errors, language);
        }

        var key = new BudgetKey(parsedYear.Value, source);
        var result = await ledger.SetAllocationAsync(key, allocated.Value, staff.Actor, cancellationToken);
        if (!result.IsSet)
        {
            errors["allocated"] = [result.Refusal!.Message(language)];
            return Problems.Fields(errors, language);
        }

        LogAllocationSet(logger, key.Code, result.Line.Allocated);
        return new OkObjectResult(ToJson(result.Line, language));
    }

    private static int? ParseYear(string? text, Language language, Dictionary<string, IReadOnlyList<string>> errors)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && BudgetKey.IsValidYear(year))
        {
            return year;
        }

        errors["year"] = [language == Language.English
            ? $"The year must be a number from {BudgetKey.MinYear} to {BudgetKey.MaxYear}."
            : $"Năm phải là số từ {BudgetKey.MinYear} đến {BudgetKey.MaxYear}."];
        return null;
    }

    /// <summary>The <c>allocated</c> amount of the JSON body: a whole number of VND, 0 or more.</summary>
    private static async Task<long?> ReadAllocatedAsync(HttpRequest request, Language language, Dictionary<string, IReadOnlyList<string>> errors, CancellationToken cancellationToken)
    {
        var en = language == Language.English;
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            errors["body"] = [en ? "The body must be a JSON object such as { \"allocated\": 5200000000 }." : "Nội dung phải là đối tượng JSON, ví dụ { \"allocated\": 5200000000 }."];
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = [en ? "The body must be a JSON object such as { \"allocated\": 5200000000 }." : "Nội dung phải là đối tượng JSON, ví dụ { \"allocated\": 5200000000 }."];
                return null;
            }

            var property = document.RootElement.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, "allocated", StringComparison.OrdinalIgnoreCase));
            if (property.Value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                errors["allocated"] = [en ? "Enter the allocated amount in VND." : "Vui lòng nhập kinh phí được giao (đồng)."];
                return null;
            }

            if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt64(out var amount))
            {
                errors["allocated"] = [en ? "The allocated amount must be a whole amount in VND, for example 5200000000." : "Kinh phí được giao phải là số tiền nguyên tính bằng đồng, ví dụ 5200000000."];
                return null;
            }

            if (amount < 0)
            {
                errors["allocated"] = [BudgetRules.AllocationNegative().Message(language)];
                return null;
            }

            return amount;
        }
    }

    private static object ToJson(BudgetLine line, Language language) => new
    {
        year = line.Key.Year,
        fundingSource = line.Key.FundingSource.ToCode(),
        fundingSourceName = line.Key.FundingSource.DisplayName(language),
        allocated = line.Allocated,
        committed = line.Committed,
        paid = line.Paid,
        remaining = line.Remaining,
    };

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Budget {Budget}: allocation set to {Allocated}")]
    private static partial void LogAllocationSet(ILogger logger, string budget, long allocated);
}
