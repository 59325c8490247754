global using Fleet.Realtime.Extensions;
