// The vehicle panel: what the dispatcher needs at a glance, refreshed as positions arrive.
const FIELDS = [
  ['Plate', (v) => v.plate],
  ['Name', (v) => v.name],
  ['Driver', (v) => v.driverId],
  ['Status', (v) => v.status],
  ['Speed', (v) => (v.speed == null ? null : `${v.speed.toFixed(1)} km/h`)],
  ['Heading', (v) => (v.heading == null ? null : `${Math.round(v.heading)}°`)],
  ['Ignition', (v) => (v.ignition == null ? null : v.ignition ? 'on' : 'off')],
  ['Fuel', (v) => (v.fuel == null ? null : `${v.fuel.toFixed(1)} l`)],
  ['Last update', (v) => (v.deviceTime ? `${new Date(v.deviceTime).toLocaleString()} (${ago(v.deviceTime)})` : null)],
  ['Company', (v) => v.companyId],
  ['Groups', (v) => (v.groupIds || []).join(', ')],
];

function ago(time) {
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(time)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  return `${Math.round(seconds / 3600)} h ago`;
}

export function createPanel(onClose) {
  const panel = document.getElementById('panel');
  const fields = document.getElementById('panel-fields');
  let current = null;
  document.getElementById('panel-close').addEventListener('click', () => { panel.hidden = true; current = null; onClose(); });
  return {
    get vehicleId() { return current; },
    show(vehicle) {
      current = vehicle.vehicleId;
      panel.hidden = false;
      document.getElementById('panel-title').textContent = vehicle.plate || vehicle.name || vehicle.vehicleId;
      fields.replaceChildren(...FIELDS.flatMap(([label, read]) => {
        const dt = document.createElement('dt');
        dt.textContent = label;
        const dd = document.createElement('dd');
        dd.textContent = read(vehicle) ?? '—';
        dd.dataset.field = label.toLowerCase().replace(' ', '-');
        return [dt, dd];
      }));
    },
  };
}
