using AutoDnn.Plugins.Vision.Formats;

namespace AutoDnn.Plugins.Vision.Datasets;

/// <summary>Turns decoded PNG pixels (interleaved, 1–4 samples per pixel) into channel-first bytes of 1 or 3 channels.</summary>
internal static class PixelLayout
{
    /// <summary>True for gray and gray + alpha images.</summary>
    public static bool IsGray(PngImage image) => image.Channels <= 2;

    /// <summary>
    /// Channel-first [C, H, W] bytes: alpha is dropped, gray is repeated into RGB, and RGB becomes gray with the
    /// ITU-R 601 luma weights (0.299 R + 0.587 G + 0.114 B, as PIL's "L" mode).
    /// </summary>
    public static void ToChannelFirst(PngImage image, int channels, Span<byte> destination)
    {
        int plane = image.Width * image.Height, step = image.Channels;
        byte[] px = image.Pixels;
        bool gray = IsGray(image);
        for (int i = 0; i < plane; i++)
        {
            int at = i * step;
            if (channels == 1)
            {
                destination[i] = gray ? px[at] : (byte)Math.Round(0.299 * px[at] + 0.587 * px[at + 1] + 0.114 * px[at + 2]);
            }
            else
            {
                for (int c = 0; c < 3; c++) destination[c * plane + i] = gray ? px[at] : px[at + c];
            }
        }
    }
}
