namespace Timeshare.Machine.Memory;

/// <summary>Outcome of translating one virtual address.</summary>
public enum TranslationResult
{
    Ok,
    PageFault,
    AccessFault,
}
