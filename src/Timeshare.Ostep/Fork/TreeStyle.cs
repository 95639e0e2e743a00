namespace Timeshare.Ostep.Fork;

/// <summary>
/// How fork.py draws a tree: basic indents names; the others draw branches
/// with a vertical, a horizontal, a middle-child tee and a last-child corner.
/// </summary>
public sealed record TreeStyle(string Name, string Vertical, string Horizontal, string Tee, string Corner)
{
    public static readonly TreeStyle Basic = new("basic", "", "", "", "");

    private static readonly TreeStyle[] All =
    [
        Basic,
        new("line1", "|", "-", "+", "|"),
        new("line2", "|", "_", "|", "|"),
        new("fancy", "\u2502", "\u2500", "\u251c", "\u2514"),
    ];

    public bool IsBasic => this == Basic;

    public static TreeStyle Parse(string name) =>
        All.FirstOrDefault(s => s.Name == name)
        ?? throw new OstepError($"-P must be basic, line1, line2 or fancy, got '{name}'");
}
