namespace AutoDnn.Web.Data;

/// <summary>A request the viewer cannot answer (bad query option, unknown campaign or trial); the message is shown as a 400 or 404 page.</summary>
internal sealed class ViewerRequestException(string message, int statusCode = 400) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
