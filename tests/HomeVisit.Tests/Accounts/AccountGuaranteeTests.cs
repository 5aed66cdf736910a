using HomeVisit.Core.Accounts;
using HomeVisit.Tests.Services;
using Microsoft.EntityFrameworkCore;

namespace HomeVisit.Tests.Accounts;

public sealed class AccountGuaranteeTests : IDisposable
{
    private readonly Scenario _s = new();

    public void Dispose() => _s.Dispose();

    // Written once by PasswordHasher<T> (V3 format) for "Demo#2026" and kept as text, so a change of hasher or
    // of its settings that stops old databases' passwords from verifying fails here.
    private const string V3Sha512 = "AQAAAAIAAYagAAAAEAABAgMEBQYHCAkKCwwNDg/X+s5ypYC+L1rwafLFM8KyMIC+gdCySk60cPWDB8E40A==";
    // The V3 variant older ASP.NET Core versions wrote (HMAC-SHA256, 10,000 iterations).
    private const string V3Sha256Legacy = "AQAAAAEAACcQAAAAEBAREhMUFRYXGBkaGxwdHh+BIb4z1VPp7BjjSO4NRzCVLvSODHSB1V8f6STC/5snTw==";

    [Theory]
    [InlineData(V3Sha512)]
    [InlineData(V3Sha256Legacy)]
    public async Task Existing_password_hashes_still_verify_and_weak_ones_are_upgraded_on_sign_in(string storedHash)
    {
        await SetHashAsync("leader1", storedHash);

        Assert.Equal(SignInStatus.Succeeded, (await _s.Accounts.PasswordSignInAsync("leader1", "Demo#2026")).Status);
        Assert.Equal(SignInStatus.Failed, (await _s.Accounts.PasswordSignInAsync("leader1", "demo#2026")).Status);

        var now = await _s.ReadAsync(db => db.UserAccounts.Where(a => a.UserName == "leader1").Select(a => a.PasswordHash).SingleAsync());
        if (storedHash == V3Sha512) Assert.Equal(storedHash, now);
        else Assert.NotEqual(storedHash, now);
        Assert.Equal(SignInStatus.Succeeded, (await _s.Accounts.PasswordSignInAsync("leader1", "Demo#2026")).Status);
    }

    private async Task SetHashAsync(string userName, string hash)
    {
        await using var db = _s.Context();
        await db.UserAccounts.Where(a => a.UserName == userName).ExecuteUpdateAsync(s => s.SetProperty(a => a.PasswordHash, hash));
    }
}
