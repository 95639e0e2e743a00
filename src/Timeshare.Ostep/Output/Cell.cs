using System.Text;

namespace Timeshare.Ostep.Output;

/// <summary>A table cell rendered once as Python's '%Ns' would: right-aligned, never cut.</summary>
public static class Cell
{
    public static byte[] Right(string text, int width) => Encoding.UTF8.GetBytes(text.PadLeft(width));
}
