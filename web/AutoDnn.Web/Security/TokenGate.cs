using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AutoDnn.Web.Security;

/// <summary>Lets a request through only with the viewer's token: <c>?token=</c> (then remembered in a cookie), the cookie, or a Bearer header.</summary>
internal sealed class TokenGate(RequestDelegate next, string token)
{
    public const string CookieName = "autodnn_viewer_token";

    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);

    public async Task InvokeAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        if (request.Query.TryGetValue("token", out var fromQuery) && Matches(fromQuery.ToString()))
        {
            context.Response.Cookies.Append(CookieName, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });

            // Drop the token from the address bar and history: the cookie carries it from now on.
            var rest = request.Query.Where(p => p.Key != "token").SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"));
            string query = string.Join('&', rest);
            context.Response.Redirect(request.PathBase + request.Path + (query.Length > 0 ? "?" + query : ""));
            return;
        }

        string? bearer = request.Headers.Authorization.ToString() is { } h && h.StartsWith("Bearer ", StringComparison.Ordinal) ? h["Bearer ".Length..] : null;
        if (Matches(request.Cookies[CookieName]) || Matches(bearer))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("This AutoDnn viewer requires its access token: open it with ?token=<the --token given to autodnn serve>.");
    }

    private bool Matches(string? candidate) =>
        !string.IsNullOrEmpty(candidate) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _token);
}
