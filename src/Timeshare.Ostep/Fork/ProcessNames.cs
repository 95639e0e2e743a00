namespace Timeshare.Ostep.Fork;

/// <summary>
/// fork.py's names for new processes: b..z, A..Z, then every two-letter
/// name (aa, ab, ...), then three letters, and so on; a is the root's.
/// </summary>
public sealed class ProcessNames
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private List<string> _names = [.. Letters.Select(c => c.ToString())];
    private int _next = 1;

    public string Next()
    {
        if (_next == _names.Count)
        {
            _names = [.. _names.SelectMany(prefix => Letters.Select(c => prefix + c))];
            _next = 0;
        }
        return _names[_next++];
    }
}
