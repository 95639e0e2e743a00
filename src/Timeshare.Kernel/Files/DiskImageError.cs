namespace Timeshare.Kernel.Files;

/// <summary>
/// A disk image that cannot be mounted, or a host folder that cannot become one (it does not fit);
/// the message (one line) names what is wrong.
/// </summary>
public sealed class DiskImageError(string message) : Exception(message);
