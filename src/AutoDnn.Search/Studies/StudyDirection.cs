namespace AutoDnn.Search.Studies;

/// <summary>Whether an objective is to be minimized or maximized.</summary>
public enum StudyDirection
{
    Minimize,
    Maximize,
}
