using System.Text;

namespace Timeshare.Ostep.Generator;

/// <summary>
/// The two C files generator.py writes for a program: a readable one, and a
/// runnable one whose processes print when they begin, fork, reap and end.
/// </summary>
public static class CProgram
{
    private const string Includes = """
        #include <assert.h>
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        #include <sys/time.h>
        #include <sys/wait.h>
        #include <unistd.h>

        void wait_or_die() {
            int rc = wait(NULL);
            assert(rc > 0);
        }

        int fork_or_die() {
            int rc = fork();
            assert(rc >= 0);
            return rc;
        }

        
        """;

    // The reference's helpers, byte for byte (a tab and a trailing space included).
    private const string RunnableHelpers = "#define Time_GetSeconds() ({ struct timeval t; int rc = gettimeofday(&t, NULL); assert(rc == 0); (double) t.tv_sec + (double) t.tv_usec/1e6; })\n"
        + "\n"
        + "double t_start;\n"
        + "\n"
        + "struct pid_map {\n    int pid;\n    char name[10];\n    struct pid_map *next;\n};\n"
        + "\n"
        + "struct pid_map *head = NULL;\n"
        + "\n"
        + "void Space(char c) {\n    int i;\n    for (i = 0; i < 5 * (c - 'a'); i++) {\n        printf(\" \"); \n    }\n}\n"
        + "\n"
        + "char *Lookup(int pid) {\n    struct pid_map *curr = head;\n    while (curr) {\n        if (curr->pid == pid) \n\t           return(curr->name);\n\t       curr = curr->next;\n    }\n    return NULL;\n}\n"
        + "\n"
        + "void Record(int pid, char *m) {\n    struct pid_map *n = malloc(sizeof(struct pid_map));\n    assert(n);\n    n->pid = pid;\n    strcpy(n->name, m);\n    n->next = head;\n    head = n;\n}\n"
        + "\n"
        + "void Wait(char *m) {\n    int rc = wait(NULL);\n    assert(rc > 0);\n    double t = Time_GetSeconds() - t_start;\n    printf(\"%3d \", (int)t);\n    Space(m[0]);\n    char *n = Lookup(rc);\n    assert(n != NULL);\n    printf(\"%s<-%s\\n\", m, n);\n}\n"
        + "\n"
        + "void Sleep(int s, char *m) {\n    sleep(s);\n    double t = Time_GetSeconds() - t_start;\n    printf(\"%3d %s\\n\", (int)t, m);\n}\n"
        + "\n"
        + "void Fork(char *p, char *c) {\n    double t = Time_GetSeconds() - t_start;\n    printf(\"%3d \", (int)t);\n    Space(p[0]);\n    printf(\"%s->%s\\n\", p, c);\n}\n"
        + "\n"
        + "void __Begin(char *m) {\n    double t = Time_GetSeconds() - t_start;\n    printf(\"%3d \", (int)t);\n    Space(m[0]);\n    printf(\"%s+\\n\", m);\n}\n"
        + "\n"
        + "void __End(char *m) {\n    double t = Time_GetSeconds() - t_start;\n    printf(\"%3d \", (int)t);\n    Space(m[0]);\n    printf(\"%s-\\n\", m);\n}\n"
        + "\n"
        + "#define Begin(m) { __Begin(m); }\n"
        + "#define End(m)   { __End(m); exit(0); }\n"
        + "\n";

    private const string Main = "int main(int argc, char *argv[]) {\n";
    private const string Return = "    return 0;\n}\n\n";

    public static string Readable(IReadOnlyList<ProgramAction> actions)
    {
        var code = new Code(Includes.ReplaceLineEndings("\n") + Main);
        code.Line("// process a");
        foreach (var a in actions)
        {
            switch (a.Kind)
            {
                case ActionKind.Fork:
                    code.Line("if (fork_or_die() == 0) {");
                    code.Depth++;
                    code.Line($"sleep({a.Sleep});");
                    code.Line($"// process {a.Name}");
                    break;
                case ActionKind.Exit:
                    code.Line("exit(0);");
                    code.Depth--;
                    code.Line("}");
                    break;
                default:
                    code.Line("wait_or_die();");
                    break;
            }
        }
        return code.End(Return);
    }

    /// <summary>Refuses a program in which a process waits with no child to wait for, or ends with children not waited for.</summary>
    public static string Runnable(IReadOnlyList<ProgramAction> actions)
    {
        var code = new Code(Includes.ReplaceLineEndings("\n") + RunnableHelpers + Main + "    int rc;\n    t_start = Time_GetSeconds();\n");
        var current = new Stack<(string Name, int Unwaited)>();
        current.Push(("a", 0));
        code.Line("Begin(\"a\");");
        foreach (var a in actions)
        {
            var (name, unwaited) = current.Pop();
            switch (a.Kind)
            {
                case ActionKind.Fork:
                    current.Push((name, unwaited + 1));
                    code.Line($"Fork(\"{name}\", \"{a.Name}\");");
                    code.Line("if ((rc = fork_or_die()) == 0) {");
                    code.Depth++;
                    code.Line($"sleep({a.Sleep});");
                    code.Line($"Begin(\"{a.Name}\");");
                    current.Push((a.Name, 0));
                    break;
                case ActionKind.Exit:
                    if (unwaited > 0) throw new OstepError($"process {name} ends with {unwaited} children it never waits for");
                    if (current.Count == 0) throw new OstepError("process a cannot end with exit");
                    code.Line($"End(\"{name}\");");
                    code.Depth--;
                    code.Line("}");
                    code.Line($"Record(rc, \"{name}\");");
                    break;
                default:
                    if (unwaited == 0) throw new OstepError($"process {name} waits with no child to wait for");
                    current.Push((name, unwaited - 1));
                    code.Line($"Wait(\"{name}\");");
                    break;
            }
        }
        return code.End(Return);
    }

    /// <summary>C text being written, indented four spaces per level below main's.</summary>
    private sealed class Code(string preamble)
    {
        private readonly StringBuilder _text = new(preamble);

        public int Depth { get; set; } = 1;

        public void Line(string line)
        {
            _text.Append(' ', 4 * Math.Max(Depth, 0)).Append(line).Append('\n');
        }

        public string End(string tail) => _text.Append(tail).ToString();
    }
}
