namespace AutoDnn.Web;

/// <summary>Marker type; the web helper replaces this file with the viewer.</summary>
internal static class WebAssemblyMarker;
