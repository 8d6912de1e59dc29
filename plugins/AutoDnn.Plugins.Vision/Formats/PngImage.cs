namespace AutoDnn.Plugins.Vision.Formats;

/// <summary>A decoded image: row-major pixels, <see cref="Channels"/> bytes per pixel (1 gray, 2 gray+alpha, 3 RGB, 4 RGBA).</summary>
public sealed record PngImage(int Width, int Height, int Channels, byte[] Pixels);
