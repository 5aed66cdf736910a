using HomeVisit.Programmes.Ganbu;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Ganbu;

/// <summary>
/// The request list's search box finds titles through the one text search (TextSearch: the FTS5 table
/// Search_GanbuRequestsSummary on SQLite), as the people, visit and follow-up lists do: any part of a title, Latin
/// letters in either case, titles under three characters' search by a plain substring, and the index following edits.
/// </summary>
public sealed class GanbuRequestSearchTests : IDisposable
{
    private readonly GanbuWorld w = new();

    [Fact]
    public async Task Requests_are_found_by_any_part_of_their_title_through_the_search_index()
    {
        var illness = await w.FileAsync();   // 父亲重病住院，希望单位协调照护假
        var school = await w.Requests.FileAsync(w.QianUser, new GanbuRequestInput
        {
            Category = GanbuCategory.SeriousIllness, Tier = GanbuTier.Ordinary, Summary = "孩子上学困难，ICU Care 费用", Description = "说明",
        });
        async Task<List<int>> Found(string text) =>
            (await w.Requests.ListAsync(w.OrgDept, new GanbuRequestQuery(Search: text, PageSize: 200))).Items.Select(r => r.Id).Order().ToList();

        Assert.Equal([illness], await Found("重病住院"));     // three characters and more: the index
        Assert.Equal([school], await Found("上学"));          // two: a substring test
        Assert.Equal([school], await Found("icu care"));      // Latin letters in either case, as every list's search
        Assert.Equal(new[] { illness, school }.Order().ToList(), await Found("钱干部"));   // the requester's name
        Assert.Empty(await Found("\"重病\" OR 孩子"));          // typed quotes and operators are text

        await w.S.ReadAsync(async db =>
        {
            (await db.Set<GanbuRequest>().SingleAsync(r => r.Id == school)).Summary = "子女入学困难";
            return await db.SaveChangesAsync();
        });
        Assert.Empty(await Found("icu care"));
        Assert.Equal([school], await Found("子女入学"));
    }

    public void Dispose() => w.Dispose();
}
