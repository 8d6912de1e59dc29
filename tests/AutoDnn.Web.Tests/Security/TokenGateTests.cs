using System.Net;
using AutoDnn.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;

namespace AutoDnn.Web.Tests.Security;

/// <summary>The token gate and the bind rules, each on its own viewer over an empty store.</summary>
public sealed class TokenGateTests : IAsyncLifetime
{
    private const string Token = "s3cret-token-for-tests";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "autodnn-web-token", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    private string Url => "sqlite:///" + Path.Combine(_folder, "empty.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        new SqliteStudyStorage(Path.Combine(_folder, "empty.db")).Dispose();
        _app = ViewerApp.Build(new ViewerOptions { Storage = Url, Port = 0, Token = Token });
        await _app.StartAsync();
    }

    [Fact]
    public async Task Requests_without_the_token_are_refused()
    {
        using var http = new HttpClient { BaseAddress = ViewerApp.Address(_app!) };
        foreach (string path in new[] { "/", "/plugins", "/api/campaigns", "/assets/viewer.js", "/?token=wrong-token-123" })
        {
            using HttpResponseMessage response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task Query_token_sets_a_cookie_and_redirects_without_it()
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = ViewerApp.Address(_app!) };
        using HttpResponseMessage first = await http.GetAsync($"/plugins?token={Token}&x=1");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/plugins?x=1", first.Headers.Location!.OriginalString);
        Assert.Contains("httponly", first.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
        using HttpResponseMessage next = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Bearer_header_is_accepted()
    {
        using var http = new HttpClient { BaseAddress = ViewerApp.Address(_app!) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        using HttpResponseMessage response = await http.GetAsync("/api/campaigns");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Binding_beyond_loopback_requires_a_token()
    {
        var e = Assert.Throws<ArgumentException>(() => ViewerApp.Build(new ViewerOptions { Storage = Url, Host = "0.0.0.0", Port = 0 }));
        Assert.Contains("--host 0.0.0.0 is not a loopback address", e.Message);
        Assert.Contains("--token", e.Message);
        Assert.True(new ViewerOptions { Storage = Url, Host = "::1" }.IsLoopback);
        Assert.Throws<ArgumentException>(() => new ViewerOptions { Storage = Url, Token = "short" }.Validate());
    }

    [Fact]
    public void A_missing_sqlite_file_is_named_instead_of_created()
    {
        string missing = Path.Combine(_folder, "nope.db");
        var e = Assert.Throws<FileNotFoundException>(() => ViewerApp.Build(new ViewerOptions { Storage = "sqlite:///" + missing, Port = 0 }));
        Assert.Contains(missing, e.Message);
        Assert.False(File.Exists(missing));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
