using AutoDnn.Search.Studies;

namespace AutoDnn.Search.Samplers;

/// <summary>A sampler with a finite set of proposals (a grid) that can tell, before a trial is created, that none are left.</summary>
public interface IExhaustibleSampler
{
    /// <summary>True when every proposal is taken by a trial of the study (running or finished).</summary>
    bool IsExhausted(StudySnapshot study);
}
