// The Fleet live map: snapshot over HTTP, then incremental updates over SignalR for the current view and filters.
import 'leaflet/dist/leaflet.css';
import './map.css';
import L from 'leaflet';
import { takeToken, askForToken, forgetToken } from './token.js';
import { createApi, snapshotUrl } from './api.js';
import { VehicleLayer } from './vehicleLayer.js';
import { createLive } from './live.js';
import { createPanel } from './panel.js';
import { createPlayback } from './playback.js';
import { createFilters } from './filters.js';

const statusBox = document.getElementById('status');
const notice = document.getElementById('notice');

function setState(state, vehicles) {
  statusBox.dataset.state = state;
  statusBox.textContent = vehicles == null ? state : `${state} · ${vehicles} vehicles`;
}

function showNotice(text) {
  notice.hidden = !text;
  notice.textContent = text || '';
}

/** The visible box as [minLon, minLat, maxLon, maxLat], wrapped into [-180, 180] (minLon > maxLon across 180). */
function viewBox(map) {
  const b = map.getBounds();
  const clampLat = (v) => Math.max(-90, Math.min(90, v));
  if (b.getEast() - b.getWest() >= 360) return [-180, clampLat(b.getSouth()), 180, clampLat(b.getNorth())];
  const wrap = (v) => ((((v + 180) % 360) + 360) % 360) - 180;
  return [wrap(b.getWest()), clampLat(b.getSouth()), wrap(b.getEast()), clampLat(b.getNorth())];
}

function initialView() {
  const [zoom, lat, lon] = window.location.hash.slice(1).split('/').map(Number);
  return Number.isFinite(zoom) && Number.isFinite(lat) && Number.isFinite(lon) ? { zoom, center: [lat, lon] } : { zoom: 3, center: [45, 20] };
}

async function main() {
  const token = takeToken() || (await askForToken());
  const api = createApi(token);
  const config = await api.getJson('api/v1/map/config');
  const view = initialView();
  const map = L.map('map', { worldCopyJump: true, preferCanvas: true }).setView(view.center, view.zoom);
  L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 19 }).addTo(map);

  const panel = createPanel(() => layer.select(null));
  const layer = new VehicleLayer(map, (id) => {
    layer.select(id);
    const vehicle = layer.vehicles.get(id);
    if (vehicle) panel.show(vehicle);
  });
  const playback = createPlayback(map, api, config.trajectoryUrl);
  const filters = createFilters(() => refresh());

  let generation = 0;
  const live = createLive({
    token,
    hubPath: config.hubPath.replace(/^\//, ''),
    onPositions: (items) => {
      layer.upsert(items);
      filters.learn(items);
      const selected = panel.vehicleId && items.find((i) => i.vehicleId === panel.vehicleId);
      if (selected) panel.show(layer.vehicles.get(selected.vehicleId));
      setState('connected', layer.vehicles.size);
    },
    onLeft: (ids) => { layer.remove(ids); setState('connected', layer.vehicles.size); },
    onState: (state) => setState(state, state === 'connected' ? layer.vehicles.size : null),
    onReconnected: () => loadSnapshot(),
  });

  async function loadSnapshot() {
    const mine = ++generation;
    const bbox = viewBox(map);
    try {
      const snapshot = await api.getJson(snapshotUrl(bbox, filters.value()));
      if (mine !== generation) return; // a newer view was asked for meanwhile
      layer.replaceAll(snapshot.vehicles);
      filters.learn(snapshot.vehicles);
      showNotice('');
      setState(statusBox.dataset.state === 'connected' ? 'connected' : statusBox.dataset.state, layer.vehicles.size);
    } catch (error) {
      if (mine === generation) showNotice(error.message);
    }
  }

  async function refresh() {
    const { companyIds, groupIds } = filters.value();
    window.location.replace(`#${map.getZoom()}/${map.getCenter().lat.toFixed(5)}/${map.getCenter().lng.toFixed(5)}`);
    // Subscribe first, then read the snapshot: nothing that moves in between is missed.
    await live.subscribe({ bbox: viewBox(map), companyIds, groupIds }).catch((e) => showNotice(e.message));
    await loadSnapshot();
  }

  let debounce = 0;
  map.on('moveend', () => { clearTimeout(debounce); debounce = setTimeout(refresh, 150); });
  document.getElementById('logout').addEventListener('click', () => { forgetToken(); window.location.reload(); });
  document.getElementById('playback-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (panel.vehicleId) playback.load(panel.vehicleId, document.getElementById('playback-from').value, document.getElementById('playback-to').value);
  });
  const pad = (d) => new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 19);
  document.getElementById('playback-from').value = pad(new Date(Date.now() - 24 * 3600 * 1000));
  document.getElementById('playback-to').value = pad(new Date());

  let ready = false;
  // Hooks for people debugging in the console and for the end-to-end tests.
  window.fleetMap = {
    map,
    layer,
    vehicleIds: () => [...layer.vehicles.keys()],
    vehicle: (id) => layer.vehicles.get(id),
    screenPoint: (id) => layer.screenPoint(id),
    state: () => statusBox.dataset.state,
    // True once the first subscription is registered on the hub: from then on no position is missed.
    ready: () => ready,
  };

  await live.start();
  await refresh();
  ready = true;
}

main().catch((error) => showNotice(`The map could not start: ${error.message}`));
