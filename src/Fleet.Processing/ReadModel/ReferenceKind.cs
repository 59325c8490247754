namespace Fleet.Processing.ReadModel;

/// <summary>The four kinds of reference entity, as named in <c>ref_tombstones.kind</c> and <c>fleet:ref:changes</c>.</summary>
internal enum ReferenceKind
{
    Company,
    Driver,
    Vehicle,
    Device,
}
