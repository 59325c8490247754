using System.Globalization;

namespace Fleet.Ingestion.Protocols.Teltonika;

/// <summary>
/// Normalises known Teltonika AVL IO ids (FMB/FMC/FMM "AVL ID" tables on the Teltonika wiki) into Fleet fields.
/// <code>
///  IO id | Teltonika name           | raw unit      | Fleet field / attribute
///  ------+--------------------------+---------------+---------------------------------------------
///  1..4  | Digital Input 1..4       | 0/1           | "din1".."din4"
///  9     | Analog Input 1           | mV            | "ain1" (volts)
///  16    | Total Odometer           | m             | OdometerKm (km)
///  21    | GSM Signal               | 0..5          | "rssi"
///  66    | External Voltage         | mV            | "power" (volts)
///  67    | Battery Voltage          | mV            | "battery" (volts)
///  69    | GNSS Status              | 0..3          | "gnssStatus"
///  84    | Fuel Level (CAN)         | 0.1 l         | FuelL (litres)
///  89    | Fuel Level (CAN)         | %             | "fuelPercent" (no litres without tank size)
///  181   | GNSS PDOP                | 0.1           | "pdop"
///  182   | GNSS HDOP                | 0.1           | Hdop
///  199   | Trip Odometer            | m             | "tripOdometer" (metres)
///  239   | Ignition                 | 0/1           | Ignition (value != 0)
///  240   | Movement                 | 0/1           | "motion"
///  other | -                        | raw           | "io{id}" (raw unsigned value)
/// </code>
/// Values are read unsigned; 8-byte identifiers (iButton, ICCID parts) above 2^53 lose precision as doubles.
/// </summary>
internal static class TeltonikaIoElements
{
    // Divisions, not multiplications by 0.001/0.1: a correctly rounded quotient gives exactly the decimal value
    // (24079 mV -> 24.079 V), which keeps downstream comparisons and tests exact.
    private const double Thousand = 1000.0;
    private const double Ten = 10.0;

    public static void Apply(int id, ulong raw, TeltonikaIoValues values)
    {
        double value = raw;
        var attributes = values.Attributes;
        switch (id)
        {
            case 1:
            case 2:
            case 3:
            case 4:
                attributes[DigitalInputKey(id)] = value;
                break;
            case 9:
                attributes["ain1"] = value / Thousand;
                break;
            case 16:
                values.OdometerKm = value / Thousand;
                break;
            case 21:
                attributes["rssi"] = value;
                break;
            case 66:
                attributes["power"] = value / Thousand;
                break;
            case 67:
                attributes["battery"] = value / Thousand;
                break;
            case 69:
                attributes["gnssStatus"] = value;
                break;
            case 84:
                values.FuelL = value / Ten;
                break;
            case 89:
                attributes["fuelPercent"] = value;
                break;
            case 181:
                attributes["pdop"] = value / Ten;
                break;
            case 182:
                values.Hdop = value / Ten;
                break;
            case 199:
                attributes["tripOdometer"] = value;
                break;
            case 239:
                values.Ignition = raw != 0;
                break;
            case 240:
                attributes["motion"] = value;
                break;
            default:
                attributes[string.Create(CultureInfo.InvariantCulture, $"io{id}")] = value;
                break;
        }
    }

    private static string DigitalInputKey(int id) => id switch
    {
        1 => "din1",
        2 => "din2",
        3 => "din3",
        _ => "din4",
    };
}
