namespace AutoDnn.TestDependency;

/// <summary>Says which build of the shared test dependency was loaded.</summary>
public static class DependencyInfo
{
    public static string Edition => "edition 1";
}
