namespace Fleet.AppHost.Infrastructure;

/// <summary>Where the local stack keeps its state: <c>.fleet/</c> at the repository root (git-ignored).</summary>
internal static class FleetPaths
{
    public static string RepositoryRoot(IDistributedApplicationBuilder builder)
    {
        for (var dir = new DirectoryInfo(builder.AppHostDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fleet.sln")))
            {
                return dir.FullName;
            }
        }

        return builder.AppHostDirectory;
    }

    /// <summary><c>Fleet:StateDir</c>, default <c>&lt;repo&gt;/.fleet</c>.</summary>
    public static string StateDirectory(IDistributedApplicationBuilder builder)
    {
        var dir = builder.Configuration["Fleet:StateDir"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(RepositoryRoot(builder), ".fleet");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static string Script(IDistributedApplicationBuilder builder, string name) =>
        Path.Combine(RepositoryRoot(builder), "scripts", name);
}
