global using Fleet.Ingestion.Extensions;
