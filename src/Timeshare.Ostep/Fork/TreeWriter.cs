using Timeshare.Ostep.Output;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.Fork;

/// <summary>Draws a tree of named nodes in one of fork.py's styles, one node a line.</summary>
public sealed class TreeWriter<T>(TreeStyle style, Func<T, string> nameOf, Func<T, IEnumerable<T>> childrenOf)
{
    private const string Margin = "                               ";

    public void Write(AsciiWriter output, T root)
    {
        if (style.IsBasic) WriteBasic(output, root, 0);
        else WriteBranches(output, root, 0, [], isLast: false);
    }

    private void WriteBasic(AsciiWriter output, T node, int level)
    {
        output.Write(Margin);
        for (var i = 0; i < level; i++) output.Write("   ");
        output.WriteLine(PyFormat.Format("%2s", nameOf(node)));
        foreach (var child in childrenOf(node)) WriteBasic(output, child, level + 1);
    }

    /// <param name="open">
    /// Per level, whether that level's branch still has siblings to come and
    /// so draws a vertical; a last child closes its parent's level.
    /// </param>
    private void WriteBranches(AsciiWriter output, T node, int level, List<bool> open, bool isLast)
    {
        output.Write(Margin);
        if (level > 0)
        {
            for (var i = 0; i < level - 1; i++) output.Write(open[i] ? style.Vertical + "   " : "    ");
            output.Write((isLast ? style.Corner : style.Tee) + style.Horizontal + style.Horizontal + " ");
        }
        output.WriteLine(nameOf(node));
        if (isLast) open[level - 1] = false;
        if (open.Count == level) open.Add(true);
        else open[level] = true;
        var children = childrenOf(node).ToList();
        for (var i = 0; i < children.Count; i++) WriteBranches(output, children[i], level + 1, open, i == children.Count - 1);
    }
}
