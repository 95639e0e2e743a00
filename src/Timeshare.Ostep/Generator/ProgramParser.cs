using System.Text.RegularExpressions;

namespace Timeshare.Ostep.Generator;

/// <summary>
/// Reads an -A program as generator.py does: "fork NAME,SLEEP { ... }" forks
/// a child running the braces' contents, "wait" waits; every level must wait
/// exactly as often as it forks.
/// </summary>
public static partial class ProgramParser
{
    [GeneratedRegex(@"\s*,\s*")]
    private static partial Regex CommaWithSpaces();

    public static List<ProgramAction> Parse(string program)
    {
        var tokens = Tokens(program);
        var actions = new List<ProgramAction>();
        var unwaited = new List<int> { 0 };
        var level = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            switch (tokens[i])
            {
                case "fork":
                    unwaited[level]++;
                    level++;
                    if (unwaited.Count == level) unwaited.Add(0);
                    else unwaited[level] = 0;
                    if (i + 2 >= tokens.Length || tokens[i + 2] != "{") throw Bad(program, "a fork needs NAME,SLEEP and then { what the child does }");
                    var args = tokens[i + 1].Split(',');
                    if (args.Length != 2) throw Bad(program, $"a fork needs NAME,SLEEP, got '{tokens[i + 1]}'");
                    actions.Add(ProgramAction.Fork(args[0], args[1]));
                    i += 2;
                    break;
                case "}":
                    if (level == 0) throw Bad(program, "a '}' closes nothing");
                    actions.Add(ProgramAction.Exit);
                    if (unwaited[level] != 0) throw Bad(program, "a child must wait once for each child it forks");
                    level--;
                    break;
                case "wait":
                    unwaited[level]--;
                    actions.Add(ProgramAction.Wait);
                    break;
                default:
                    throw Bad(program, $"'{tokens[i]}' is not fork, wait or a brace");
            }
        }
        if (unwaited[0] != 0) throw Bad(program, "process a must wait once for each child it forks");
        if (level != 0) throw Bad(program, "a '{' is never closed");
        return actions;
    }

    /// <summary>
    /// The reference's tokens: spaces around commas dropped, braces set apart,
    /// then split on white space. The comma pass resumes each search where the
    /// last match ended in the text before its replacement, as the reference's loop does.
    /// </summary>
    private static string[] Tokens(string program)
    {
        var m = CommaWithSpaces().Match(program);
        while (m.Success)
        {
            var at = program.IndexOf(m.Value, StringComparison.Ordinal);
            program = string.Concat(program.AsSpan(0, at), ",", program.AsSpan(at + m.Length));
            var resume = m.Index + m.Length;
            if (resume > program.Length) break;
            m = CommaWithSpaces().Match(program, resume);
        }
        program = program.Replace("{", " { ").Replace("}", " } ");
        return program.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    private static OstepError Bad(string program, string why) => new($"bad program [{program.ReplaceLineEndings(" ")}]: {why}");
}
