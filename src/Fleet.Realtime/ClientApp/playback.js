// Route playback from Fleet.Trajectory: the simplified route (polyline, stops) and every stored point (time
// slider, speed chart). The Trajectory URL comes from the Realtime:TrajectoryUrl setting via /api/v1/map/config.
import L from 'leaflet';

export function createPlayback(map, api, trajectoryUrl) {
  const layer = L.layerGroup().addTo(map);
  const box = document.getElementById('playback');
  const slider = document.getElementById('playback-slider');
  const timeLabel = document.getElementById('playback-time');
  const summary = document.getElementById('playback-summary');
  const chart = document.getElementById('speed-chart');
  const play = document.getElementById('playback-play');
  let points = [];
  let cursor = null;
  let timer = 0;

  const toIso = (local) => new Date(local).toISOString();

  function show(index) {
    const p = points[index];
    if (!p) return;
    cursor.setLatLng([p.lat, p.lon]);
    timeLabel.textContent = `${new Date(p.time).toLocaleString()} · ${(p.speed ?? 0).toFixed(0)} km/h`;
    drawChart(chart, points, index);
  }

  slider.addEventListener('input', () => show(Number(slider.value)));
  play.addEventListener('click', () => {
    if (timer) { clearInterval(timer); timer = 0; play.textContent = '▶'; return; }
    play.textContent = '❚❚';
    timer = setInterval(() => {
      const next = Number(slider.value) + 1;
      if (next >= points.length) { clearInterval(timer); timer = 0; play.textContent = '▶'; return; }
      slider.value = String(next);
      show(next);
    }, 50);
  });

  return {
    async load(vehicleId, fromLocal, toLocal) {
      layer.clearLayers();
      box.hidden = false;
      if (!trajectoryUrl) { summary.textContent = 'Route playback needs Realtime:TrajectoryUrl.'; return; }
      const query = new URLSearchParams({ from: toIso(fromLocal), to: toIso(toLocal) });
      const id = encodeURIComponent(vehicleId);
      summary.textContent = 'loading…';
      try {
        const [route, positions] = await Promise.all([
          api.getJson(`${trajectoryUrl}/api/v1/vehicles/${id}/route?${query}`),
          api.getJson(`${trajectoryUrl}/api/v1/vehicles/${id}/positions?${query}`),
        ]);
        points = positions || [];
        const line = (route.geometry?.coordinates || []).map(([lon, lat]) => [lat, lon]);
        if (line.length) {
          const polyline = L.polyline(line, { color: '#d84315', weight: 4 }).addTo(layer);
          map.fitBounds(polyline.getBounds(), { padding: [30, 30] });
        }
        for (const stop of route.properties?.stops || []) {
          L.circleMarker([stop.lat, stop.lon], { radius: 7, color: '#6a1b9a' })
            .bindTooltip(`Stop ${new Date(stop.start).toLocaleTimeString()}–${new Date(stop.end).toLocaleTimeString()}`)
            .addTo(layer);
        }
        cursor = L.circleMarker([0, 0], { radius: 8, color: '#000', fillColor: '#ffc107', fillOpacity: 1 }).addTo(layer);
        slider.max = String(Math.max(points.length - 1, 0));
        slider.value = '0';
        const pr = route.properties || {};
        summary.textContent = `${(pr.distanceKm ?? 0).toFixed(1)} km · ${Math.round((pr.durationS ?? 0) / 60)} min · max ${(pr.maxSpeed ?? 0).toFixed(0)} km/h · ${points.length} points · ${(pr.stops || []).length} stops`;
        if (points.length) show(0); else drawChart(chart, [], 0);
      } catch (error) {
        summary.textContent = `Route unavailable: ${error.message}`;
      }
    },
    clear() { layer.clearLayers(); box.hidden = true; points = []; },
  };
}

function drawChart(canvas, points, index) {
  const ctx = canvas.getContext('2d');
  const { width, height } = canvas;
  ctx.clearRect(0, 0, width, height);
  if (points.length < 2) return;
  const t0 = Date.parse(points[0].time);
  const span = Math.max(Date.parse(points[points.length - 1].time) - t0, 1);
  const max = Math.max(10, ...points.map((p) => p.speed ?? 0));
  const x = (p) => ((Date.parse(p.time) - t0) / span) * (width - 4) + 2;
  const y = (p) => height - 2 - ((p.speed ?? 0) / max) * (height - 14);
  ctx.strokeStyle = '#1565c0'; ctx.lineWidth = 1.5; ctx.beginPath();
  points.forEach((p, i) => (i ? ctx.lineTo(x(p), y(p)) : ctx.moveTo(x(p), y(p))));
  ctx.stroke();
  ctx.strokeStyle = '#d84315'; ctx.beginPath();
  ctx.moveTo(x(points[index]), 0); ctx.lineTo(x(points[index]), height); ctx.stroke();
  ctx.fillStyle = '#555'; ctx.font = '10px system-ui, sans-serif';
  ctx.fillText(`${Math.round(max)} km/h`, 4, 10);
}
