using System.Security.Cryptography;

namespace Fleet.AppHost.Infrastructure;

/// <summary>
/// Development-only secrets (database password, JWT signing key): generated on first use into the git-ignored
/// state folder, never committed, readable only by the owner.
/// </summary>
internal static class DevelopmentSecrets
{
    public static string ReadOrCreate(string stateDirectory, string name, int bytes = 24)
    {
        var dir = Directory.CreateDirectory(Path.Combine(stateDirectory, "secrets")).FullName;
        var path = Path.Combine(dir, name);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
        File.WriteAllText(path, value);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return value;
    }
}
