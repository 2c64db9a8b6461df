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
public sealed partial class BudgetFunctions(IBudgetLedger ledger, StaffEndpoint staff, ILogger<BudgetFunctions> logger)
{
    /// <summary><c>GET /api/budgets?year=2026</c>: the year's lines for both funding sources.</summary>
    [Function(nameof(ListBudgets))]
    public Task<IActionResult> ListBudgets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/budgets")] HttpRequest request,
        CancellationToken cancellationToken) =>
        staff.ReadAsync(request, null, async c =>
        {
            var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var year = ParseYear(request.Query["year"].ToString(), c.Language, errors);
            if (year is null)
            {
                return Problems.Fields(errors, c.Language);
            }

            var lines = new List<object>();
            foreach (var source in ProposalCatalog.FundingSources)
            {
                lines.Add(ToJson(await ledger.GetAsync(new BudgetKey(year.Value, source.Value), cancellationToken), c.Language));
            }

            c.NoStore();
            return new OkObjectResult(new { year = year.Value, lines });
        });

    /// <summary><c>PUT /api/budgets/{year}/{fundingSource}</c> with <c>{ "allocated": 5200000000 }</c>: sets the allocation.</summary>
    [Function(nameof(SetBudgetAllocation))]
    public Task<IActionResult> SetBudgetAllocation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/budgets/{year}/{fundingSource}")] HttpRequest request,
        string year,
        string fundingSource,
        CancellationToken cancellationToken) =>
        staff.JsonAsync<AllocationInput>(request, StaffRoles.Finance, AllocationShape, async (c, input) =>
        {
            var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var parsedYear = ParseYear(year, c.Language, errors);
            if (!ProposalCatalog.TryParseFundingSource(fundingSource, out var source))
            {
                errors["fundingSource"] = [c.T("Nguồn kinh phí không hợp lệ (national hoặc local).", "Unknown funding source (national or local).")];
            }

            var allocated = Allocated(input.Allocated, c, errors);
            if (errors.Count > 0 || parsedYear is null || allocated is null)
            {
                return Problems.Fields(errors, c.Language);
            }

            var key = new BudgetKey(parsedYear.Value, source);
            var result = await ledger.SetAllocationAsync(key, allocated.Value, c.Staff.Actor, cancellationToken);
            if (!result.IsSet)
            {
                errors["allocated"] = [result.Refusal!.Message(c.Language)];
                return Problems.Fields(errors, c.Language);
            }

            LogAllocationSet(logger, key.Code, result.Line.Allocated);
            return new OkObjectResult(ToJson(result.Line, c.Language));
        }, cancellationToken);

    private static readonly BodyShape AllocationShape = new("đối tượng JSON, ví dụ { \"allocated\": 5200000000 }", "a JSON object such as { \"allocated\": 5200000000 }");

    /// <summary>A budget year (2000-2100) from the route or the query; otherwise null and the error under <c>year</c>.</summary>
    internal static int? ParseYear(string? text, Language language, Dictionary<string, IReadOnlyList<string>> errors)
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
    private static long? Allocated(JsonElement value, StaffRequest c, Dictionary<string, IReadOnlyList<string>> errors)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            errors["allocated"] = [c.T("Vui lòng nhập kinh phí được giao (đồng).", "Enter the allocated amount in VND.")];
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var amount))
        {
            errors["allocated"] = [c.T("Kinh phí được giao phải là số tiền nguyên tính bằng đồng, ví dụ 5200000000.", "The allocated amount must be a whole amount in VND, for example 5200000000.")];
            return null;
        }

        if (amount < 0)
        {
            errors["allocated"] = [BudgetRules.AllocationNegative().Message(c.Language)];
            return null;
        }

        return amount;
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

    private sealed record AllocationInput(JsonElement Allocated);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Budget {Budget}: allocation set to {Allocated}")]
    private static partial void LogAllocationSet(ILogger logger, string budget, long allocated);
}
