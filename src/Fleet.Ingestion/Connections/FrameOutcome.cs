using Fleet.Ingestion.Protocols;

namespace Fleet.Ingestion.Connections;

/// <summary>What the connection does after a frame: send <see cref="Reply"/> (if any), keep <see cref="Session"/>, maybe close.</summary>
public readonly record struct FrameOutcome(byte[]? Reply, DeviceSession Session, bool Close);
