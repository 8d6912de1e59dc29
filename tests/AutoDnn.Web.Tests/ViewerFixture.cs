using AutoDnn.Web.Tests.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace AutoDnn.Web.Tests;

/// <summary>One seeded store, one running viewer on a free loopback port, and (on first use) one headless Chromium for every test of the collection.</summary>
public sealed class ViewerFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly SemaphoreSlim _browserLock = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext? _context;
    private WebApplication? _app;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "autodnn-web-tests", Guid.NewGuid().ToString("N"));

    internal SeededStore Store { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    public HttpClient Http { get; private set; } = default!;

    /// <summary>Screenshots go here (under the test output folder), one per page the browser tests open.</summary>
    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Store = ViewerSeed.Small(Folder);
        Directory.CreateDirectory(Path.Combine(Folder, "plugins"));
        File.WriteAllText(Path.Combine(Folder, "plugins", "not-a-plugin.dll"), "this is text, not an assembly");
        _app = ViewerApp.Build(new ViewerOptions
        {
            Storage = Store.Url,
            Port = 0,
            RefreshInterval = TimeSpan.FromMilliseconds(300),
            PluginFolders = [Path.Combine(Folder, "plugins")],
        });
        await _app.StartAsync();
        BaseAddress = ViewerApp.Address(_app);
        Http = new HttpClient { BaseAddress = BaseAddress };
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>
    /// The shared browser context (one cache, so Plotly.js is fetched once), on a browser launched on first use from
    /// Debian's Chromium (Playwright downloads nothing). Timeouts are generous: the CI machine may be heavily shared.
    /// </summary>
    public async Task<IBrowserContext> ContextAsync()
    {
        await _browserLock.WaitAsync();
        try
        {
            if (_context is null)
            {
                Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: ./build.sh installs Debian's chromium for these tests.");
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ChromiumPath,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
                });
                _context = await _browser.NewContextAsync(new BrowserNewContextOptions
                {
                    BaseURL = BaseAddress.ToString(),
                    ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
                });
                _context.SetDefaultTimeout(90_000);
                _context.SetDefaultNavigationTimeout(90_000);
            }

            return _context;
        }
        finally
        {
            _browserLock.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection is left for the OS temp cleaner; the next run uses a new folder.
        }
    }
}

/// <summary>Every test that needs the running viewer shares one <see cref="ViewerFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ViewerCollection : ICollectionFixture<ViewerFixture>
{
    public const string Name = "viewer";
}
