global using Fleet.Processing.Extensions;
