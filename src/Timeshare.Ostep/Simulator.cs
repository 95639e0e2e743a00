namespace Timeshare.Ostep;

/// <summary>One OSTEP homework front-end: its name, its help, and a run from the reference's arguments.</summary>
public sealed record Simulator(string Name, string Summary, Func<string> Help, Action<IReadOnlyList<string>, Stream> Run);
