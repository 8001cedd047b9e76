using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace ModelLedger.IO;

/// <summary>
/// Unix permission bits of a file, where the platform has them. The core targets netstandard2.0, which has no API
/// for them; on Unix the module always runs on PowerShell 7.4+ (.NET 8+), whose File.GetUnixFileMode and
/// File.SetUnixFileMode are found by reflection. On Windows (Windows PowerShell 5.1 included) every call is a no-op.
/// </summary>
internal static class UnixPermissions
{
    /// <summary>rw------- : readable and writable by the owner only.</summary>
    public const int OwnerOnly = 0x180; // octal 600

    /// <summary>The owner-write bit (octal 200).</summary>
    public const int OwnerWrite = 0x80;

    private static readonly MethodInfo? GetMode = IsUnix ? typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) }) : null;
    private static readonly MethodInfo? SetMode = IsUnix ? FindSetter() : null;

    private static bool IsUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>The file's permission bits (following links), or null on Windows or a runtime without the API.</summary>
    public static int? TryGet(string path)
    {
        if (GetMode == null) return null;
        try { return Convert.ToInt32(GetMode.Invoke(null, new object[] { path }), System.Globalization.CultureInfo.InvariantCulture); }
        catch (TargetInvocationException ex) when (ex.InnerException is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>Sets the permission bits; does nothing where the platform has none.</summary>
    public static void Set(string path, int mode)
    {
        if (SetMode == null) return;
        try { SetMode.Invoke(null, new[] { path, Enum.ToObject(SetMode.GetParameters()[1].ParameterType, mode) }); }
        catch (TargetInvocationException ex) when (ex.InnerException != null) { throw ex.InnerException; }
    }

    /// <summary>
    /// Gives <paramref name="path"/> this owner and group, when this account may (root, or the group of a member);
    /// false otherwise. .NET has no API for it; chown(2) takes 32-bit IDs on Linux and macOS alike.
    /// </summary>
    public static bool TrySetOwner(string path, uint uid, uint gid)
    {
        if (!IsUnix) return false;
        try { return LinuxChown(path, uid, gid) == 0; }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            try { return Chown(path, uid, gid) == 0; }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
        }
    }

    [DllImport("libc.so.6", EntryPoint = "chown", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int LinuxChown(string path, uint uid, uint gid);

    [DllImport("libc", EntryPoint = "chown", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int Chown(string path, uint uid, uint gid);

    private static MethodInfo? FindSetter()
    {
        foreach (var m in typeof(File).GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            var p = m.GetParameters();
            if (m.Name == "SetUnixFileMode" && p.Length == 2 && p[0].ParameterType == typeof(string)) return m;
        }
        return null;
    }
}
