using System.Diagnostics;
using System.Globalization;
using System.Net;
using AutoDnn.Storage;
using AutoDnn.Web.Data;
using AutoDnn.Web.Endpoints;
using AutoDnn.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutoDnn.Web;

/// <summary>Builds the viewer web application (read-only over one store) for <c>autodnn serve</c> and for tests.</summary>
public static class ViewerApp
{
    /// <summary>
    /// Validates the options, opens the store and returns the application, not yet started. Throws ArgumentException
    /// or FormatException naming the bad option, FileNotFoundException for a SQLite file that does not exist.
    /// </summary>
    public static WebApplication Build(ViewerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        IPAddress address = string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            ? IPAddress.Loopback
            : IPAddress.TryParse(options.Host, out IPAddress? parsed)
                ? parsed
                : throw new ArgumentException($"--host '{options.Host}' is not an IP address or 'localhost'.");
        StorageUrl url = StorageUrl.Parse(options.Storage);
        RequireExistingSqliteFile(url);

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ViewerApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseKestrel(k => k.Listen(address, options.Port));
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(c => c.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddRazorComponents();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => new ViewerStore(url.Open(), options.RefreshInterval, prepare: Components.CampaignFigures.PrepareIfWatched));
        builder.Services.AddSingleton(_ => new PluginListing(options.PluginFolders));

        WebApplication app = builder.Build();
        app.Services.GetRequiredService<ViewerStore>(); // open the store now, so a bad URL fails at start, not on the first page
        app.Use(ServerTiming);
        if (!string.IsNullOrEmpty(options.Token))
        {
            app.UseMiddleware<TokenGate>(options.Token);
        }

        ViewerEndpoints.Map(app, options);
        return app;
    }

    /// <summary>The address the started application listens on (useful with port 0).</summary>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        string first = app.Urls.FirstOrDefault() ?? throw new InvalidOperationException("The viewer is not listening yet; start it first.");
        return new Uri(first.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    // Server-Timing: app;dur=<ms until the response starts>, so a browser or the benchmark sees the server's share.
    private static Task ServerTiming(HttpContext context, Func<Task> next)
    {
        long start = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"app;dur={ms:F1}");
            return Task.CompletedTask;
        });
        return next();
    }

    // The viewer only reads: opening a SQLite path that does not exist would create an empty store instead of saying the path is wrong.
    private static void RequireExistingSqliteFile(StorageUrl url)
    {
        if (url.Kind != StorageKind.Sqlite)
        {
            return;
        }

        string path = Uri.UnescapeDataString(url.Display["sqlite:///".Length..]);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"--storage {url.Display}: no SQLite file at '{Path.GetFullPath(path)}'.", path);
        }
    }
}
