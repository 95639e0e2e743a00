using System.Globalization;
using System.Numerics;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Scheduler;

/// <summary>
/// A job's length in seconds as the reference holds it: a Python int for a
/// random job, a float for one given with -l. The reference's arithmetic
/// keeps that type (int + int stays exact, anything with a float is a float),
/// and so does this.
/// </summary>
public readonly struct JobLength
{
    private JobLength(object value) => Value = value;

    /// <summary>A BigInteger (Python int) or a double (Python float).</summary>
    public object Value { get; }

    public static JobLength Int(BigInteger n) => new(n);
    public static JobLength Float(double x) => new(x);

    /// <summary>str(length), as the job list shows it.</summary>
    public string Shown => PyFormat.Str(Value);

    /// <summary>float(length); an int too large for a float is an OverflowError, as in Python.</summary>
    public double AsFloat => Value is BigInteger n ? PyFloat.FromInt(n) : (double)Value;

    public bool IsNaN => Value is double x && double.IsNaN(x);
    public bool IsPositiveInfinity => Value is double x && double.IsPositiveInfinity(x);

    /// <summary>Python's <c>time + length</c>, where time is an int or a float.</summary>
    public object AddTo(object time) =>
        (time, Value) is (BigInteger a, BigInteger b) ? a + b : AsFloatValue(time) + AsFloat;

    /// <summary>
    /// The exact value Mantissa·10^-Places of a finite length: an int as it is,
    /// a float as its shortest repr writes it (which orders floats and compares
    /// them with whole numbers exactly as the floats themselves do). Null for
    /// infinities and NaN.
    /// </summary>
    public (BigInteger Mantissa, int Places)? Decimal()
    {
        if (Value is BigInteger n) return (n, 0);
        var x = (double)Value;
        if (!double.IsFinite(x)) return null;
        var repr = PyFloat.Repr(x);
        var e = repr.IndexOf('e');
        var exponent = e < 0 ? 0 : int.Parse(repr[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var digits = e < 0 ? repr : repr[..e];
        var point = digits.IndexOf('.');
        var fraction = point < 0 ? 0 : digits.Length - point - 1;
        var mantissa = BigInteger.Parse(digits.Replace(".", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return (mantissa, fraction - exponent);
    }

    private static double AsFloatValue(object time) => time is BigInteger n ? PyFloat.FromInt(n) : (double)time;
}
