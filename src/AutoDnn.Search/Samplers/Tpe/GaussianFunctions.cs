namespace AutoDnn.Search.Samplers.Tpe;

/// <summary>erfc, Φ, log Φ and Φ⁻¹ of the standard normal, accurate deep in the lower tail (fdlibm / Acklam).</summary>
internal static class GaussianFunctions
{
    public const double LogSqrtTwoPi = 0.91893853320467274178;
    private const double Sqrt2 = 1.41421356237309504880;
    private const double SqrtTwoPi = 2.50662827463100050242;

    // fdlibm s_erf.c coefficients (public domain, Sun Microsystems), as also used by Optuna's _erf.py.
    private const double Erx = 8.45062911510467529297e-01;
    private const double Pp0 = 1.28379167095512558561e-01, Pp1 = -3.25042107247001499370e-01, Pp2 = -2.84817495755985104766e-02;
    private const double Pp3 = -5.77027029648944159157e-03, Pp4 = -2.37630166566501626084e-05;
    private const double Qq1 = 3.97917223959155352819e-01, Qq2 = 6.50222499887672944485e-02, Qq3 = 5.08130628187576562776e-03;
    private const double Qq4 = 1.32494738004321644526e-04, Qq5 = -3.96022827877536812320e-06;
    private const double Pa0 = -2.36211856075265944077e-03, Pa1 = 4.14856118683748331666e-01, Pa2 = -3.72207876035701323847e-01;
    private const double Pa3 = 3.18346619901161753674e-01, Pa4 = -1.10894694282396677476e-01, Pa5 = 3.54783043256182359371e-02;
    private const double Pa6 = -2.16637559486879084300e-03;
    private const double Qa1 = 1.06420880400844228286e-01, Qa2 = 5.40397917702171048937e-01, Qa3 = 7.18286544141962662868e-02;
    private const double Qa4 = 1.26171219808761642112e-01, Qa5 = 1.36370839120290507362e-02, Qa6 = 1.19844998467991074170e-02;
    private const double Ra0 = -9.86494403484714822705e-03, Ra1 = -6.93858572707181764372e-01, Ra2 = -1.05586262253232909814e01;
    private const double Ra3 = -6.23753324503260060396e01, Ra4 = -1.62396669462573470355e02, Ra5 = -1.84605092906711035994e02;
    private const double Ra6 = -8.12874355063065934246e01, Ra7 = -9.81432934416914548592e00;
    private const double Sa1 = 1.96512716674392571292e01, Sa2 = 1.37657754143519042600e02, Sa3 = 4.34565877475229228821e02;
    private const double Sa4 = 6.45387271733267880336e02, Sa5 = 4.29008140027567833386e02, Sa6 = 1.08635005541779435134e02;
    private const double Sa7 = 6.57024977031928170135e00, Sa8 = -6.04244152148580987438e-02;
    private const double Rb0 = -9.86494292470009928597e-03, Rb1 = -7.99283237680523006574e-01, Rb2 = -1.77579549177547519889e01;
    private const double Rb3 = -1.60636384855821916062e02, Rb4 = -6.37566443368389627722e02, Rb5 = -1.02509513161107724954e03;
    private const double Rb6 = -4.83519191608651397019e02;
    private const double Sb1 = 3.03380607434824582924e01, Sb2 = 3.25792512996573918826e02, Sb3 = 1.53672958608443695994e03;
    private const double Sb4 = 3.19985821950859553908e03, Sb5 = 2.55305040643316442583e03, Sb6 = 4.74528541206955367215e02;
    private const double Sb7 = -2.24409524465858183362e01;

    /// <summary>The complementary error function, with full relative accuracy for large positive x.</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        double a = Math.Abs(x);
        if (a < 0.84375)
        {
            double z = x * x;
            double r = Pp0 + (z * (Pp1 + (z * (Pp2 + (z * (Pp3 + (z * Pp4)))))));
            double s = 1 + (z * (Qq1 + (z * (Qq2 + (z * (Qq3 + (z * (Qq4 + (z * Qq5)))))))));
            return 1 - (x + (x * (r / s)));
        }

        if (a < 1.25)
        {
            double s = a - 1;
            double p = Pa0 + (s * (Pa1 + (s * (Pa2 + (s * (Pa3 + (s * (Pa4 + (s * (Pa5 + (s * Pa6)))))))))));
            double q = 1 + (s * (Qa1 + (s * (Qa2 + (s * (Qa3 + (s * (Qa4 + (s * (Qa5 + (s * Qa6)))))))))));
            return x >= 0 ? 1 - Erx - (p / q) : 1 + Erx + (p / q);
        }

        if (a >= 28)
        {
            return x > 0 ? 0 : 2;
        }

        double t = 1 / (a * a);
        double rr, ss;
        if (a < 1 / 0.35)
        {
            rr = Ra0 + (t * (Ra1 + (t * (Ra2 + (t * (Ra3 + (t * (Ra4 + (t * (Ra5 + (t * (Ra6 + (t * Ra7)))))))))))));
            ss = 1 + (t * (Sa1 + (t * (Sa2 + (t * (Sa3 + (t * (Sa4 + (t * (Sa5 + (t * (Sa6 + (t * (Sa7 + (t * Sa8)))))))))))))));
        }
        else
        {
            if (x < -6)
            {
                return 2;
            }

            rr = Rb0 + (t * (Rb1 + (t * (Rb2 + (t * (Rb3 + (t * (Rb4 + (t * (Rb5 + (t * Rb6)))))))))));
            ss = 1 + (t * (Sb1 + (t * (Sb2 + (t * (Sb3 + (t * (Sb4 + (t * (Sb5 + (t * (Sb6 + (t * Sb7)))))))))))));
        }

        // fdlibm splits a into a high part with a zero low word so exp(-a²) loses no bits.
        double high = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) & unchecked((long)0xFFFFFFFF00000000UL));
        double result = Math.Exp((-high * high) - 0.5625) * Math.Exp(((high - a) * (high + a)) + (rr / ss)) / a;
        return x > 0 ? result : 2 - result;
    }

    /// <summary>Φ(z).</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Sqrt2);

    /// <summary>log Φ(z), finite for every finite z (asymptotic series below -20, as Optuna's log_ndtr).</summary>
    public static double LogCdf(double z)
    {
        if (z > 6)
        {
            return -Cdf(-z);
        }

        if (z > -20)
        {
            return Math.Log(Cdf(z));
        }

        double lhs = (-0.5 * z * z) - Math.Log(-z) - LogSqrtTwoPi;
        double total = 1, last = 0, numerator = 1, factor = 1, ratio = 1 / (z * z);
        int sign = 1;
        for (int i = 1; Math.Abs(last - total) > double.Epsilon && i < 50; i++)
        {
            last = total;
            sign = -sign;
            factor *= ratio;
            numerator *= (2 * i) - 1;
            total += sign * numerator * factor;
        }

        return lhs + Math.Log(total);
    }

    /// <summary>log of the standard normal mass on [a, b], accurate when both ends lie in one tail.</summary>
    public static double LogMass(double a, double b)
    {
        if (b <= 0)
        {
            return LogDiff(LogCdf(b), LogCdf(a));
        }

        if (a > 0)
        {
            return LogDiff(LogCdf(-a), LogCdf(-b));
        }

        return double.LogP1(-Cdf(a) - Cdf(-b));
    }

    /// <summary>Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation refined by one Halley step.</summary>
    public static double InverseCdf(double p)
    {
        if (p <= 0)
        {
            return double.NegativeInfinity;
        }

        if (p >= 1)
        {
            return double.PositiveInfinity;
        }

        double x;
        if (p < 0.02425)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            x = LowerTail(q);
        }
        else if (p > 1 - 0.02425)
        {
            double q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -LowerTail(q);
        }
        else
        {
            double q = p - 0.5, r = q * q;
            x = (((((((((((-3.969683028665376e+01 * r) + 2.209460984245205e+02) * r) - 2.759285104469687e+02) * r)
                + 1.383577518672690e+02) * r) - 3.066479806614716e+01) * r) + 2.506628277459239e+00) * q)
                / (((((((((-5.447609879822406e+01 * r) + 1.615858368580409e+02) * r) - 1.556989798598866e+02) * r)
                + 6.680131188771972e+01) * r) - 1.328068155288572e+01) * r + 1);
        }

        double e = Cdf(x) - p;
        double u = e * SqrtTwoPi * Math.Exp(0.5 * x * x);
        return x - (u / (1 + (0.5 * x * u)));
    }

    private static double LowerTail(double q) =>
        ((((((((((-7.784894002430293e-03 * q) - 3.223964580411365e-01) * q) - 2.400758277161838e+00) * q)
            - 2.549732539343734e+00) * q) + 4.374664141464968e+00) * q) + 2.938163982698783e+00)
        / ((((((((7.784695709041462e-03 * q) + 3.224671290700398e-01) * q) + 2.445134137142996e+00) * q)
            + 3.754408661907416e+00) * q) + 1);

    private static double LogDiff(double logP, double logQ) => logP + double.LogP1(-Math.Exp(logQ - logP));
}
