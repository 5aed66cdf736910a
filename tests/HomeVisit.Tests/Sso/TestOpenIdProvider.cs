using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HomeVisit.Tests.Sso;

/// <summary>
/// A real OpenID provider for the tests: npm oidc-provider 8.x (tests/HomeVisit.Tests/Sso/provider) run by Node on a
/// free loopback port, with one confidential client for the portal and a plain login form (any login, any password).
/// Its signing key is made here, so tests can also sign crafted tokens with the very key the provider publishes.
/// The process is killed on dispose and exits by itself when the test process (its stdin) goes away.
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "homevisit-portal";
    public const string ClientSecret = "test-client-secret-0123456789";
    public const string KeyId = "test-provider-key-1";

    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string _folder;
    private readonly string _accountsFile;
    private readonly Dictionary<string, Dictionary<string, object?>> _accounts = [];

    /// <summary>The provider's issuer, e.g. http://127.0.0.1:41234.</summary>
    public string Issuer { get; }

    /// <summary>The private key the provider signs id_tokens with (published in its JWKS under <see cref="KeyId"/>).</summary>
    public RsaSecurityKey SigningKey { get; }

    private TestOpenIdProvider(Process process, string folder, string accountsFile, string issuer, RsaSecurityKey key, StringBuilder log)
    {
        _process = process;
        _folder = folder;
        _accountsFile = accountsFile;
        Issuer = issuer;
        SigningKey = key;
        _log = log;
    }

    /// <summary>Starts a provider whose client accepts these redirect URIs (the portal's callback) and post-logout URIs.</summary>
    /// <param name="backChannelLogoutUri">Where the provider posts logout tokens (with sid required, so id_tokens carry a sid); none by default.</param>
    public static async Task<TestOpenIdProvider> StartAsync(IEnumerable<string> redirectUris, IEnumerable<string> postLogoutRedirectUris, int idTokenTtlSeconds = 600,
        string? backChannelLogoutUri = null)
    {
        var providerFolder = ProviderFolder();
        await EnsureInstalledAsync(providerFolder);

        var folder = Path.Combine(Path.GetTempPath(), "homevisit-tests", "oidc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = KeyId };
        var accountsFile = Path.Combine(folder, "accounts.json");
        await File.WriteAllTextAsync(accountsFile, "{}");
        var client = new JsonObject
        {
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["redirect_uris"] = new JsonArray(redirectUris.Select(u => (JsonNode)u).ToArray()),
            ["post_logout_redirect_uris"] = new JsonArray(postLogoutRedirectUris.Select(u => (JsonNode)u).ToArray()),
            ["grant_types"] = new JsonArray("authorization_code"),
            ["response_types"] = new JsonArray("code"),
            ["token_endpoint_auth_method"] = "client_secret_basic",
        };
        if (backChannelLogoutUri is not null)
        {
            client["backchannel_logout_uri"] = backChannelLogoutUri;
            client["backchannel_logout_session_required"] = true;
        }
        var settings = new JsonObject
        {
            ["clients"] = new JsonArray(client),
            ["jwks"] = new JsonObject { ["keys"] = new JsonArray(PrivateJwk(rsa)) },
            ["accountsFile"] = accountsFile,
            ["idTokenTtl"] = idTokenTtlSeconds,
        };
        var settingsFile = Path.Combine(folder, "settings.json");
        await File.WriteAllTextAsync(settingsFile, settings.ToJsonString());

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = providerFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("server.mjs");
        start.ArgumentList.Add(settingsFile);
        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var log = new StringBuilder();
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (log) log.AppendLine(e.Data);
            if (e.Data.StartsWith("READY ", StringComparison.Ordinal)) ready.TrySetResult(e.Data["READY ".Length..].Trim());
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("The OpenID provider exited:\n" + log));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var first = await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        if (first != ready.Task)
        {
            Stop(process);
            throw new TimeoutException("The OpenID provider did not start within 30 s:\n" + log);
        }
        return new TestOpenIdProvider(process, folder, accountsFile, await ready.Task, key, log);
    }

    /// <summary>What the provider tells about the person who signs in with this login (sub = login).</summary>
    public void SetAccount(string login, object claims)
    {
        lock (_accounts)
        {
            _accounts[login] = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(claims))!;
            File.WriteAllText(_accountsFile, JsonSerializer.Serialize(_accounts));
        }
    }

    /// <summary>Everything the provider wrote, for failure messages.</summary>
    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>A token signed with the provider's own key (or another), for checks the provider itself never gets wrong.</summary>
    public string Sign(IDictionary<string, object> claims, SecurityKey? key = null)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(JsonSerializer.Serialize(claims), new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256));
    }

    /// <summary>A different RSA key that claims the provider's key id: a forged signature.</summary>
    public static RsaSecurityKey ForgedKey(string keyId = KeyId) => new(RSA.Create(2048)) { KeyId = keyId };

    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { });
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static void Stop(Process process)
    {
        try
        {
            process.StandardInput.Close();
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private static JsonObject PrivateJwk(RSA rsa)
    {
        var p = rsa.ExportParameters(includePrivateParameters: true);
        static string B(byte[]? b) => Base64UrlEncoder.Encode(b!);
        return new JsonObject
        {
            ["kty"] = "RSA", ["kid"] = KeyId, ["use"] = "sig", ["alg"] = "RS256",
            ["n"] = B(p.Modulus), ["e"] = B(p.Exponent), ["d"] = B(p.D), ["p"] = B(p.P), ["q"] = B(p.Q),
            ["dp"] = B(p.DP), ["dq"] = B(p.DQ), ["qi"] = B(p.InverseQ),
        };
    }

    /// <summary>tests/HomeVisit.Tests/Sso/provider in the source tree (the tests run from bin/).</summary>
    private static string ProviderFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "HomeVisit.Tests", "Sso", "provider");
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        throw new DirectoryNotFoundException("tests/HomeVisit.Tests/Sso/provider was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>scripts/test.sh installs the provider's packages; a plain `dotnet test` on a fresh clone does it here.</summary>
    private static async Task EnsureInstalledAsync(string folder)
    {
        await InstallLock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider"))) return;
            var npm = new ProcessStartInfo("npm") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "ci", "--no-audit", "--no-fund" }) npm.ArgumentList.Add(arg);
            using var process = Process.Start(npm)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"npm ci in {folder} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }
        finally
        {
            InstallLock.Release();
        }
    }
}
