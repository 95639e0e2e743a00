using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Timeshare.Ostep.Tests.Python;

/// <summary>Reads the CPython-generated vectors (see vectors.py) copied next to the test assembly.</summary>
internal static class Vectors
{
    public static JsonElement Load(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Python", "Vectors", name);
        using var stream = File.OpenRead(path);
        return JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 }).RootElement.Clone();
    }

    /// <summary>A float stored as its IEEE bits in big-endian hex.</summary>
    public static double Float(string hexBits) =>
        BitConverter.Int64BitsToDouble(unchecked((long)ulong.Parse(hexBits, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));

    public static string Bits(double x) => BitConverter.DoubleToInt64Bits(x).ToString("x16", CultureInfo.InvariantCulture);

    public static BigInteger Int(string text) => BigInteger.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>A typed Python value {"t": kind, "v": ...} as the .NET value PyFormat treats as that type.</summary>
    public static object? Value(JsonElement e)
    {
        string kind = e.GetProperty("t").GetString()!;
        return kind switch
        {
            "none" => null,
            "bool" => e.GetProperty("v").GetBoolean(),
            "int" => Int(e.GetProperty("v").GetString()!),
            "float" => Float(e.GetProperty("v").GetString()!),
            "str" => e.GetProperty("v").GetString(),
            "utf16" => new string(e.GetProperty("v").EnumerateArray().Select(u => (char)u.GetInt32()).ToArray()),
            "list" => e.GetProperty("v").EnumerateArray().Select(Value).ToList(),
            _ => throw new InvalidDataException(kind),
        };
    }
}
