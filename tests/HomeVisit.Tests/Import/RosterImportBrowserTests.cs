using HomeVisit.Core.Demo;
using HomeVisit.Tests.Browser;
using Microsoft.Playwright;
using static HomeVisit.Tests.Import.XlsxFile;

namespace HomeVisit.Tests.Import;

[Collection(BrowserCollection.Name)]

[Trait("Category", "Browser")]
public sealed class RosterImportBrowserTests(BrowserFixture app)
{
    private static byte[] Roster(string birthDate) => Build(
        ("组织机构", [R("单位编码", "单位名称", "类型"), R("IMPT-01", "导入测试中心", "部门")]),
        ("人员", [
            R("工号", "姓名", "性别", "出生日期", "单位编码", "职务"),
            R("IMPT0001", "导入测试员甲", "男", "1988-08-08", "IMPT-01", "干事"),
            R("IMPT0002", "导入测试员乙", "女", birthDate, "IMPT-01", "科员"),
        ]));

    [Fact]
    public async Task An_admin_sees_the_error_row_uploads_a_corrected_file_confirms_and_finds_the_person()
    {
        await using var session = await app.SignInAsync(DemoAccounts.Admin);
        var page = session.Page;
        await page.GotoAsync("/admin/import");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("import-template")).ToHaveAttributeAsync("href", "/admin/import/template.xlsx");

        // A file with one bad date: the preview lists it and the import button stays disabled.
        const string fileInput = "input[type=file]:not(.d-none)";
        await BrowserFixture.WaitForFileInputAsync(page, fileInput);
        await page.Locator(fileInput).SetInputFilesAsync(new FilePayload
        {
            Name = "花名册.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = Roster("1990.13.01"),
        });
        var error = page.Locator("tr:has([data-testid=import-error])");
        await Assertions.Expect(error).ToHaveCountAsync(1);
        await Assertions.Expect(error).ToContainTextAsync("第 3 行，“出生日期”：无法识别的日期“1990.13.01”。");
        await Assertions.Expect(page.GetByTestId("import-confirm")).ToBeDisabledAsync();

        // The corrected file: no errors, one unit and two people to add.
        await BrowserFixture.WaitForFileInputAsync(page, fileInput);
        await page.Locator(fileInput).SetInputFilesAsync(new FilePayload
        {
            Name = "花名册（改）.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = Roster("1990-12-01"),
        });
        await Assertions.Expect(page.Locator("tr:has([data-testid=import-change])")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("tr:has([data-testid=import-error])")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=import-count][data-kind=People]")).ToContainTextAsync("2");
        await page.GetByTestId("import-confirm").ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("import-message")).ToContainTextAsync("导入完成");

        await page.GotoAsync("/people?q=IMPT0002");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("person-link")).ToHaveTextAsync("导入测试员乙");
        await Assertions.Expect(page.Locator("tr:has([data-testid=person-row])")).ToContainTextAsync("导入测试中心");
    }
}
