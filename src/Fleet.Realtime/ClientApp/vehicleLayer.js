// Canvas rendering of every vehicle: one <canvas> over the map redrawn per animation frame, grid clustering below
// CLUSTER_UNTIL_ZOOM, arrows rotated by heading and coloured by status. Stays smooth with 10k+ vehicles where
// thousands of DOM markers would not.
import L from 'leaflet';

export const STATUS_COLOURS = { moving: '#2e7d32', stopped: '#1565c0', offline: '#9e9e9e' };
const CLUSTER_UNTIL_ZOOM = 15;
const CELL_PX = 56;
const HIT_PX = 16;

export class VehicleLayer {
  constructor(map, onSelect) {
    this.map = map;
    this.onSelect = onSelect;
    this.vehicles = new Map();
    this.selectedId = null;
    this.drawn = [];
    this.frame = 0;
    this.canvas = L.DomUtil.create('canvas', 'vehicle-canvas', map.getContainer());
    this.context = this.canvas.getContext('2d');
    map.on('move zoom resize viewreset', () => this.schedule());
    map.on('click', (e) => this.hit(e.containerPoint));
    this.schedule();
  }

  /** Adds or moves vehicles; an item older than the one shown is ignored (late or replayed). */
  upsert(items) {
    for (const item of items) {
      const known = this.vehicles.get(item.vehicleId);
      if (!known || !known.deviceTime || !item.deviceTime || Date.parse(item.deviceTime) >= Date.parse(known.deviceTime)) {
        this.vehicles.set(item.vehicleId, item);
      }
    }
    this.schedule();
  }

  remove(ids) {
    for (const id of ids) this.vehicles.delete(id);
    this.schedule();
  }

  /** The snapshot replaces everything, except live items that are newer than it. */
  replaceAll(items) {
    const live = this.vehicles;
    this.vehicles = new Map();
    this.upsert(items);
    for (const [id, item] of live) {
      const fresh = this.vehicles.get(id);
      if (fresh && item.deviceTime && fresh.deviceTime && Date.parse(item.deviceTime) > Date.parse(fresh.deviceTime)) {
        this.vehicles.set(id, item);
      }
    }
  }

  select(id) {
    this.selectedId = id;
    this.schedule();
  }

  schedule() {
    if (!this.frame) this.frame = requestAnimationFrame(() => { this.frame = 0; this.draw(); });
  }

  /** Screen position of a drawn vehicle (its own arrow, or the cluster holding it). */
  screenPoint(id) {
    const d = this.drawn.find((x) => x.id === id || (x.ids && x.ids.includes(id)));
    return d ? { x: d.x, y: d.y, clustered: !d.id } : null;
  }

  project(item, centerLng) {
    // The copy of the point nearest the view centre, so vehicles show across the antimeridian.
    const lon = item.lon + 360 * Math.round((centerLng - item.lon) / 360);
    return this.map.latLngToContainerPoint([item.lat, lon]);
  }

  draw() {
    const size = this.map.getSize();
    const ratio = window.devicePixelRatio || 1;
    if (this.canvas.width !== size.x * ratio || this.canvas.height !== size.y * ratio) {
      this.canvas.width = size.x * ratio;
      this.canvas.height = size.y * ratio;
      this.canvas.style.width = `${size.x}px`;
      this.canvas.style.height = `${size.y}px`;
    }
    const ctx = this.context;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    const centerLng = this.map.getCenter().lng;
    const cluster = this.map.getZoom() < CLUSTER_UNTIL_ZOOM;
    const cells = new Map();
    const drawn = [];
    for (const item of this.vehicles.values()) {
      const p = this.project(item, centerLng);
      if (p.x < -20 || p.y < -20 || p.x > size.x + 20 || p.y > size.y + 20) continue;
      if (!cluster || item.vehicleId === this.selectedId) {
        drawn.push({ id: item.vehicleId, x: p.x, y: p.y, item });
        continue;
      }
      const key = `${Math.floor(p.x / CELL_PX)}:${Math.floor(p.y / CELL_PX)}`;
      const cell = cells.get(key);
      if (cell) {
        cell.items.push(item); cell.sx += p.x; cell.sy += p.y;
      } else {
        cells.set(key, { items: [item], sx: p.x, sy: p.y, x: p.x, y: p.y });
      }
    }
    for (const cell of cells.values()) {
      if (cell.items.length === 1) {
        drawn.push({ id: cell.items[0].vehicleId, x: cell.x, y: cell.y, item: cell.items[0] });
      } else {
        const n = cell.items.length;
        drawn.push({ id: null, ids: cell.items.map((i) => i.vehicleId), count: n, x: cell.sx / n, y: cell.sy / n, items: cell.items });
      }
    }
    for (const d of drawn) {
      if (d.id) drawArrow(ctx, d, d.id === this.selectedId);
      else drawCluster(ctx, d);
    }
    this.drawn = drawn;
  }

  hit(point) {
    let best = null;
    let bestDistance = HIT_PX;
    for (const d of this.drawn) {
      const distance = Math.hypot(d.x - point.x, d.y - point.y) - (d.id ? 0 : clusterRadius(d.count) - 8);
      if (distance < bestDistance) { best = d; bestDistance = distance; }
    }
    if (!best) return;
    if (best.id) {
      this.onSelect(best.id);
    } else {
      this.map.setView(this.map.containerPointToLatLng([best.x, best.y]), Math.min(this.map.getZoom() + 2, CLUSTER_UNTIL_ZOOM));
    }
  }
}

function drawArrow(ctx, d, selected) {
  const { item } = d;
  ctx.save();
  ctx.translate(d.x, d.y);
  if (selected) {
    ctx.beginPath(); ctx.arc(0, 0, 14, 0, 2 * Math.PI);
    ctx.fillStyle = 'rgba(255, 193, 7, 0.45)'; ctx.fill();
  }
  ctx.rotate(((item.heading || 0) * Math.PI) / 180);
  ctx.beginPath();
  ctx.moveTo(0, -10); ctx.lineTo(7, 8); ctx.lineTo(0, 4); ctx.lineTo(-7, 8); ctx.closePath();
  ctx.fillStyle = STATUS_COLOURS[item.status] || STATUS_COLOURS.offline;
  ctx.strokeStyle = '#fff'; ctx.lineWidth = 1.5;
  ctx.fill(); ctx.stroke();
  ctx.restore();
}

function clusterRadius(count) {
  return Math.min(12 + Math.log10(count) * 7, 34);
}

function drawCluster(ctx, d) {
  const moving = d.items.filter((i) => i.status === 'moving').length;
  const r = clusterRadius(d.count);
  ctx.beginPath(); ctx.arc(d.x, d.y, r, 0, 2 * Math.PI);
  ctx.fillStyle = moving * 2 >= d.count ? 'rgba(46, 125, 50, 0.8)' : 'rgba(21, 101, 192, 0.8)';
  ctx.strokeStyle = '#fff'; ctx.lineWidth = 2;
  ctx.fill(); ctx.stroke();
  ctx.fillStyle = '#fff'; ctx.font = 'bold 12px system-ui, sans-serif';
  ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
  ctx.fillText(d.count >= 1000 ? `${Math.round(d.count / 100) / 10}k` : String(d.count), d.x, d.y);
}
