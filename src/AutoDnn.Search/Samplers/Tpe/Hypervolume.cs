namespace AutoDnn.Search.Samplers.Tpe;

/// <summary>Exact hypervolume dominated by a small set of minimization points up to a reference point (slicing recursion).</summary>
internal static class Hypervolume
{
    /// <summary>The volume of the union of boxes [p, reference] over points p (points outside the reference add nothing).</summary>
    public static double Compute(IReadOnlyList<double[]> points, double[] reference)
    {
        var inside = points.Where(p => Dominates(p, reference)).ToList();
        return inside.Count == 0 ? 0 : Slice(inside, reference, reference.Length);
    }

    private static bool Dominates(double[] p, double[] reference)
    {
        for (int i = 0; i < reference.Length; i++)
        {
            if (!(p[i] < reference[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static double Slice(List<double[]> points, double[] reference, int dims)
    {
        if (dims == 1)
        {
            return reference[0] - points.Min(p => p[0]);
        }

        if (dims == 2)
        {
            double area = 0, ceiling = reference[1];
            foreach (double[] p in points.OrderBy(p => p[0]).ThenBy(p => p[1]))
            {
                if (p[1] < ceiling)
                {
                    area += (reference[0] - p[0]) * (ceiling - p[1]);
                    ceiling = p[1];
                }
            }

            return area;
        }

        // Sweep the last objective upwards: between consecutive levels the (d−1)-volume of the points seen so far is constant.
        var sorted = points.OrderBy(p => p[dims - 1]).ToList();
        double volume = 0;
        var active = new List<double[]>(sorted.Count);
        for (int i = 0; i < sorted.Count; i++)
        {
            active.Add(sorted[i]);
            double next = i + 1 < sorted.Count ? sorted[i + 1][dims - 1] : reference[dims - 1];
            double height = next - sorted[i][dims - 1];
            if (height > 0)
            {
                volume += Slice(active, reference, dims - 1) * height;
            }
        }

        return volume;
    }
}
