namespace KhuyenCong.Domain.Documents;

/// <summary>How a period in days is counted.</summary>
public enum DayCount
{
    /// <summary>Working days: Saturdays, Sundays and the configured public holidays do not count.</summary>
    Working,

    /// <summary>Calendar days; a period ending on a day off ends on the next working day.</summary>
    Calendar,
}

/// <summary>
/// The date by which the Centre answers an applicant, from the date it received the dossier. The number of days is a
/// setting (no legal basis for a khuyến công answer period was found: docs/documents.md); how the days are counted
/// follows the Civil Code 2015 (Law 91/2015/QH13):
/// <list type="bullet">
/// <item>art. 147 cl. 2: "ngày đầu tiên của thời hạn không được tính mà tính từ ngày tiếp theo liền kề ngày được xác
/// định" (the day of receipt is not counted);</item>
/// <item>art. 148 cl. 5: when the last day is a weekend day or a holiday, the period ends at the end of the next working day;</item>
/// </list>
/// and the public service's five-day week: Saturdays and Sundays off (Decision 188/1999/QĐ-TTg art. 1). Both read on
/// secondary pages quoting the texts (thuvienphapluat.vn Q&amp;A 3896F; tailieu.vn copy of 188/1999).
/// </summary>
public static class AnswerDeadline
{
    /// <summary>The last day of a period of <paramref name="days"/> days from <paramref name="received"/>.</summary>
    public static DateOnly From(DateOnly received, int days, DayCount count, IReadOnlySet<DateOnly> holidays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        ArgumentNullException.ThrowIfNull(holidays);
        if (count == DayCount.Calendar)
        {
            var end = received.AddDays(days);
            while (!IsWorkingDay(end, holidays))
            {
                end = end.AddDays(1);
            }

            return end;
        }

        var day = received;
        var counted = 0;
        while (counted < days)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day, holidays))
            {
                counted++;
            }
        }

        return day;
    }

    public static bool IsWorkingDay(DateOnly day, IReadOnlySet<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);
    }
}
