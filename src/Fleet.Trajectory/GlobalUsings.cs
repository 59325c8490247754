global using Fleet.Trajectory.Extensions;
