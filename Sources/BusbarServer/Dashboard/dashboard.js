// Busbar live depot map: draws the depot from GET /api/v1/depots/{id}/layout and keeps it live
// from the server-sent events of GET /api/v1/depots/{id}/stream. Plain ES module, no build step.
// The token comes from the URL fragment (#token=…, never sent to the server or its logs) or the
// sign-in form, stays in sessionStorage, and travels as `Authorization: Bearer`; that is why the
// stream is read with fetch and not EventSource, which cannot send headers. All filtering by
// tenant happens on the server: the page draws whatever it receives.

const SVG = "http://www.w3.org/2000/svg";
const TOKEN_KEY = "busbar.token";
const DEPOT_KEY = "busbar.depot";
const RETRY_MS = 3000;

const STATUSES = [
  ["available", "available"],
  ["charging", "charging"],
  ["suspended", "suspended / paused"],
  ["occupied", "plugged in"],
  ["reserved", "reserved"],
  ["faulted", "faulted"],
  ["offline", "offline / unavailable"],
];
const SEVERE = new Set(["fault", "charger_offline", "will_miss_departure", "policy_failed", "config_reload_failed", "no_show", "wrong_vehicle"]);

// Geometry of the map, in SVG pixels.
const BAY_W = 72;
const BAY_H = 158;
const BAY_GAP = 6;
const HEAD_H = 24;
const AREA_PAD = 14;
const AREA_HEAD = 30;
const MARGIN = 16;

const state = {
  depot: null,
  token: null,
  layout: null,
  tenants: new Map(),
  bays: new Map(),
  chargerGroups: new Map(),
  samples: [],
  limits: [],
  now: null,
  abort: null,
  timeFormat: null,
};

const $ = (id) => document.getElementById(id);

function svg(name, attributes = {}, parent = null) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (parent) parent.appendChild(element);
  return element;
}

function text(parent, x, y, className, content = "") {
  const element = svg("text", { x, y, class: className }, parent);
  element.textContent = content;
  return element;
}

// ---- Authentication -------------------------------------------------------------------------

function readCredentials() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const query = new URLSearchParams(location.search);
  if (fragment.get("token")) sessionStorage.setItem(TOKEN_KEY, fragment.get("token"));
  const depot = query.get("depot") || fragment.get("depot");
  if (depot) sessionStorage.setItem(DEPOT_KEY, depot);
  if (location.hash) history.replaceState(null, "", location.pathname + location.search);
  state.token = sessionStorage.getItem(TOKEN_KEY);
  state.depot = sessionStorage.getItem(DEPOT_KEY);
}

function showLogin(message) {
  if (state.abort) state.abort.abort();
  $("dashboard").hidden = true;
  $("login").hidden = false;
  $("login-error").textContent = message || "";
  $("login-depot").value = state.depot || "";
  setConnection("idle", "not connected");
}

function onLogin(event) {
  event.preventDefault();
  state.depot = $("login-depot").value.trim();
  state.token = $("login-token").value.trim();
  sessionStorage.setItem(DEPOT_KEY, state.depot);
  sessionStorage.setItem(TOKEN_KEY, state.token);
  $("login-token").value = "";
  start();
}

function authorized() {
  return { headers: { Authorization: `Bearer ${state.token}` } };
}

// ---- Start ----------------------------------------------------------------------------------

async function start() {
  if (!state.token || !state.depot) return showLogin("");
  let response;
  try {
    response = await fetch(`/api/v1/depots/${encodeURIComponent(state.depot)}/layout`, authorized());
  } catch {
    return showLogin("Busbar cannot be reached.");
  }
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    return showLogin("The token was not accepted.");
  }
  if (!response.ok) return showLogin(`No depot “${state.depot}” for this token.`);
  state.layout = await response.json();
  state.tenants = new Map(state.layout.tenants.map((tenant) => [tenant.id, tenant]));
  state.timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: state.layout.timezone });
  state.limits = [];
  $("login").hidden = true;
  $("dashboard").hidden = false;
  $("depot-name").textContent = state.layout.name;
  $("scope").textContent = state.layout.tenant ? state.tenants.get(state.layout.tenant).name : "whole depot";
  drawMap(state.layout);
  drawLegend();
  connect();
}

// ---- Live stream ----------------------------------------------------------------------------

function setConnection(status, label) {
  $("connection").dataset.state = status;
  $("connection").textContent = label;
}

async function connect() {
  if (state.abort) state.abort.abort();
  const abort = new AbortController();
  state.abort = abort;
  setConnection("retrying", "connecting…");
  try {
    const response = await fetch(`/api/v1/depots/${encodeURIComponent(state.depot)}/stream`, { ...authorized(), signal: abort.signal });
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      return showLogin("The token was not accepted.");
    }
    if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
    setConnection("live", "live");
    // Each connection starts with the whole history.
    state.samples = [];
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        handleEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } catch (error) {
    if (abort.signal.aborted) return;
  }
  if (abort.signal.aborted) return;
  setConnection("retrying", "reconnecting…");
  setTimeout(() => {
    if (!abort.signal.aborted) connect();
  }, RETRY_MS);
}

function handleEvent(block) {
  let name = "message";
  let data = "";
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) name = line.slice(6).trim();
    else if (line.startsWith("data:")) data += line.slice(5).trim();
  }
  if (!data) return;
  const payload = JSON.parse(data);
  if (name === "snapshot") applySnapshot(payload);
  else if (name === "power") applyPower(payload);
}

// ---- The map --------------------------------------------------------------------------------

function chargerWidth(charger) {
  const bays = Math.max(1, charger.connectors.length);
  return bays * BAY_W + (bays - 1) * BAY_GAP + 2 * BAY_GAP;
}
const CHARGER_H = HEAD_H + BAY_H + BAY_GAP;

/// Pixel positions of every charger: the depot file's map positions, scaled so that neighbours in
/// a row and rows never overlap; chargers without a position go in rows below, one per area.
function placeChargers(layout) {
  const placed = new Map();
  const mapped = layout.chargers.filter((charger) => charger.map);
  const rows = new Map();
  for (const charger of mapped) {
    const key = Math.round(charger.map.y);
    if (!rows.has(key)) rows.set(key, []);
    rows.get(key).push(charger);
  }
  let scaleX = 12;
  for (const row of rows.values()) {
    row.sort((a, b) => a.map.x - b.map.x);
    for (let i = 1; i < row.length; i++) {
      const dx = row[i].map.x - row[i - 1].map.x;
      const gap = row[i].area === row[i - 1].area ? 12 : 2 * AREA_PAD + 12;
      if (dx > 0) scaleX = Math.max(scaleX, (chargerWidth(row[i - 1]) + gap) / dx);
    }
  }
  const rowKeys = [...rows.keys()].sort((a, b) => a - b);
  let scaleY = 12;
  for (let i = 1; i < rowKeys.length; i++) {
    scaleY = Math.max(scaleY, (CHARGER_H + 2 * AREA_PAD + AREA_HEAD + 16) / (rowKeys[i] - rowKeys[i - 1]));
  }
  const minX = Math.min(...mapped.map((charger) => charger.map.x));
  const minY = Math.min(...mapped.map((charger) => charger.map.y));
  let bottom = MARGIN;
  for (const charger of mapped) {
    const x = MARGIN + AREA_PAD + (charger.map.x - minX) * scaleX;
    const y = MARGIN + AREA_HEAD + AREA_PAD + (charger.map.y - minY) * scaleY;
    placed.set(charger.id, { x, y });
    bottom = Math.max(bottom, y + CHARGER_H + AREA_PAD + 24);
  }
  const right = Math.max(960, ...[...placed.entries()].map(([id, p]) => p.x + chargerWidth(layout.chargers.find((c) => c.id === id))));
  const unmapped = new Map();
  for (const charger of layout.chargers.filter((c) => !c.map)) {
    const area = charger.area || "";
    if (!unmapped.has(area)) unmapped.set(area, []);
    unmapped.get(area).push(charger);
  }
  for (const chargers of unmapped.values()) {
    let x = MARGIN + AREA_PAD;
    let y = bottom + AREA_HEAD + AREA_PAD;
    for (const charger of chargers) {
      if (x + chargerWidth(charger) > right && x > MARGIN + AREA_PAD) {
        x = MARGIN + AREA_PAD;
        y += CHARGER_H + 12;
      }
      placed.set(charger.id, { x, y });
      x += chargerWidth(charger) + 12;
    }
    bottom = y + CHARGER_H + AREA_PAD + 24;
  }
  return placed;
}

function drawMap(layout) {
  const map = $("map");
  map.replaceChildren();
  state.bays.clear();
  state.chargerGroups.clear();
  const placed = placeChargers(layout);
  const areaLayer = svg("g", { class: "areas" }, map);
  const chargerLayer = svg("g", { class: "chargers" }, map);
  let width = 0;
  let height = 0;
  for (const area of layout.areas) {
    const members = layout.chargers.filter((charger) => charger.area === area.id && placed.has(charger.id));
    if (members.length === 0) continue;
    const left = Math.min(...members.map((c) => placed.get(c.id).x)) - AREA_PAD;
    const top = Math.min(...members.map((c) => placed.get(c.id).y)) - AREA_PAD - AREA_HEAD;
    const right = Math.max(...members.map((c) => placed.get(c.id).x + chargerWidth(c))) + AREA_PAD;
    const bottom = Math.max(...members.map((c) => placed.get(c.id).y + CHARGER_H)) + AREA_PAD;
    const group = svg("g", { class: `area-group area-${area.use}`, "data-area": area.id }, areaLayer);
    svg("rect", { x: left, y: top, width: right - left, height: bottom - top, rx: 10, class: `area area-${area.use}` }, group);
    const label = text(group, left + 12, top + 21, "area-label", area.name);
    label.setAttribute("data-area-label", area.id);
    text(group, right - 12, top + 20, `area-use area-use-${area.use}`, area.use === "public" ? "PUBLIC" : "FLEET").setAttribute("text-anchor", "end");
    width = Math.max(width, right);
    height = Math.max(height, bottom);
  }
  for (const charger of layout.chargers) {
    const { x, y } = placed.get(charger.id);
    const group = svg("g", { class: "charger", "data-charger": charger.id, transform: `translate(${x} ${y})` }, chargerLayer);
    svg("rect", { x: 0, y: 0, width: chargerWidth(charger), height: HEAD_H, rx: 4, class: "charger-head" }, group);
    text(group, 8, 16, "charger-label", charger.id);
    charger.connectors.forEach((connector, index) => {
      const bay = drawBay(group, BAY_GAP + index * (BAY_W + BAY_GAP), HEAD_H + BAY_GAP, charger, connector);
      state.bays.set(`${charger.id}/${connector.id}`, bay);
    });
    state.chargerGroups.set(charger.id, group);
    width = Math.max(width, x + chargerWidth(charger) + AREA_PAD);
    height = Math.max(height, y + CHARGER_H + AREA_PAD);
  }
  map.setAttribute("viewBox", `0 0 ${Math.ceil(width + MARGIN)} ${Math.ceil(height + MARGIN)}`);
}

function drawBay(parent, x, y, charger, connector) {
  const group = svg("g", { class: "bay status-offline", transform: `translate(${x} ${y})`, "data-bay": connector.bay || `${charger.id}-${connector.id}` }, parent);
  svg("rect", { x: 0, y: 0, width: BAY_W, height: BAY_H, rx: 5, class: "bay-frame" }, group);
  svg("rect", { x: 0, y: 0, width: BAY_W, height: 5, class: "bay-band" }, group);
  text(group, 6, 19, "bay-id", connector.bay || `#${connector.id}`);
  const tag = text(group, 6, 151, "tag");
  const vehicle = text(group, 6, 38, "vehicle");
  const track = svg("rect", { x: 6, y: 46, width: BAY_W - 12, height: 9, rx: 2, class: "soc-track" }, group);
  const fill = svg("rect", { x: 6, y: 46, width: 0, height: 9, rx: 2, class: "soc-fill" }, group);
  const soc = text(group, 6, 76, "soc-text");
  const power = text(group, 6, 96, "detail");
  const departure = text(group, 6, 114, "detail");
  const predicted = text(group, 6, 132, "detail");
  const status = text(group, BAY_W / 2, 84, "status-word");
  status.setAttribute("text-anchor", "middle");
  return { group, tag, vehicle, track, fill, soc, power, departure, predicted, status };
}

function drawLegend() {
  const legend = $("legend");
  legend.replaceChildren();
  const item = (swatch, label) => {
    const li = document.createElement("li");
    const span = document.createElement("span");
    span.className = `swatch swatch-${swatch}`;
    li.append(span, label);
    legend.appendChild(li);
  };
  for (const [status, label] of STATUSES) item(status, label);
  item("fleet", "fleet area");
  item("public", "public area");
  item("miss", "predicted departure SoC below its minimum");
}

/// The colour class of a connector: offline and faults first, then what the session does.
function statusOf(connector, online, reserved) {
  if (!online || connector.state === "Unavailable") return "offline";
  if (connector.state === "Faulted") return "faulted";
  const session = connector.session;
  if (session) {
    if (session.power_kw > 0.5) return "charging";
    return "suspended";
  }
  if (connector.state === "Charging") return "charging";
  if (connector.state === "SuspendedEV" || connector.state === "SuspendedEVSE") return "suspended";
  if (connector.occupied || ["Preparing", "Finishing", "Occupied"].includes(connector.state)) return "occupied";
  if (connector.state === "Reserved" || reserved) return "reserved";
  return "available";
}

const STATUS_WORDS = { available: "free", reserved: "reserved", faulted: "FAULT", offline: "offline", occupied: "occupied", suspended: "paused", charging: "charging" };

function formatTime(iso) {
  return iso ? state.timeFormat.format(new Date(iso)) : "–";
}

function applySnapshot(snapshot) {
  state.now = new Date(snapshot.at);
  $("clock").textContent = formatTime(snapshot.at);
  $("block").textContent = snapshot.block || "–";
  $("site-power").textContent = `${Math.round(snapshot.site_power_kw)} / ${Math.round(snapshot.site_limit_kw)} kW`;
  const online = new Set(snapshot.online_chargers);
  for (const [id, group] of state.chargerGroups) group.classList.toggle("charger-offline", !online.has(id));
  const reserved = new Set(
    snapshot.reservations.filter((r) => r.status === "active").map((r) => `${r.connector.charger}/${r.connector.connector}`),
  );
  const minimums = new Map(snapshot.stays.map((stay) => [stay.vehicle, stay.min_target_so_c]));
  for (const connector of snapshot.connectors) {
    const key = `${connector.charger}/${connector.connector}`;
    const bay = state.bays.get(key);
    if (!bay) continue;
    const status = statusOf(connector, online.has(connector.charger), reserved.has(key));
    bay.group.setAttribute("class", `bay status-${status}`);
    bay.group.dataset.status = status;
    showSession(bay, connector.session, minimums, status);
  }
  drawAlerts(snapshot);
  drawChart();
}

function showSession(bay, session, minimums, status) {
  const visible = Boolean(session);
  bay.track.setAttribute("visibility", visible && session.soc != null ? "visible" : "hidden");
  bay.fill.setAttribute("visibility", visible && session.soc != null ? "visible" : "hidden");
  bay.status.textContent = visible ? "" : STATUS_WORDS[status];
  if (!visible) {
    for (const element of [bay.tag, bay.vehicle, bay.soc, bay.power, bay.departure, bay.predicted]) element.textContent = "";
    delete bay.group.dataset.vehicle;
    return;
  }
  const tenant = state.tenants.get(session.tenant);
  const tenantClass = tenant ? tenant.class : "public";
  bay.tag.textContent = tenantClass === "public" ? "PUBLIC" : "FLEET";
  bay.tag.setAttribute("class", `tag tag-${tenantClass}`);
  bay.vehicle.textContent = session.vehicle || "guest";
  bay.group.dataset.vehicle = session.vehicle || "guest";
  if (session.soc != null) {
    const soc = Math.max(0, Math.min(100, session.soc));
    bay.fill.setAttribute("width", ((BAY_W - 12) * soc) / 100);
    bay.fill.setAttribute("class", soc < 30 ? "soc-fill low" : "soc-fill");
    bay.soc.textContent = `${Math.round(soc)} %`;
  } else {
    bay.soc.textContent = "SoC –";
  }
  bay.power.textContent = `${Math.round(session.power_kw)} kW`;
  bay.departure.textContent = session.departure ? `dep ${formatTime(session.departure)}` : "";
  const predicted = session.predicted_departure_soc;
  const minimum = session.vehicle ? minimums.get(session.vehicle) : undefined;
  bay.predicted.textContent = predicted != null ? `→${Math.round(predicted)}%` : "";
  const miss = predicted != null && minimum != null && predicted < minimum;
  bay.predicted.setAttribute("class", miss ? "detail miss" : "detail");
  if (miss) bay.predicted.textContent += ` <${Math.round(minimum)}`;
}

// ---- Alerts ---------------------------------------------------------------------------------

/// Whether what an incident reported is over now (the runtime marks it when its condition clears).
function cleared(incident) {
  return incident.cleared_at != null;
}

function drawAlerts(snapshot) {
  const incidents = snapshot.incidents;
  const list = $("alerts");
  const newest = incidents.slice(-15).reverse();
  const open = incidents.filter((incident) => SEVERE.has(incident.kind) && !cleared(incident)).length;
  $("alert-count").textContent = open ? `· ${open} open` : "";
  list.replaceChildren();
  if (newest.length === 0) {
    const li = document.createElement("li");
    li.className = "empty";
    li.textContent = "No alerts.";
    list.appendChild(li);
    return;
  }
  for (const incident of newest) {
    const li = document.createElement("li");
    const over = cleared(incident);
    li.className = `${SEVERE.has(incident.kind) ? "severe" : "notice"}${over ? " cleared" : ""}`;
    const time = document.createElement("time");
    time.dateTime = incident.at;
    time.textContent = formatTime(incident.at);
    const kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = incident.kind.replaceAll("_", " ") + (over ? " · cleared" : "");
    const message = document.createElement("span");
    message.className = "message";
    message.textContent = incident.message;
    li.append(time, kind, message);
    list.appendChild(li);
  }
}

// ---- The chart ------------------------------------------------------------------------------

const CHART = { width: 960, height: 260, left: 58, right: 16, top: 14, bottom: 30 };
const MAX_SAMPLES = 1440;

function applyPower(power) {
  state.samples.push(...power.samples);
  if (state.samples.length > MAX_SAMPLES) state.samples.splice(0, state.samples.length - MAX_SAMPLES);
  state.limits = power.limits;
  drawChart();
}

function niceStep(maximum) {
  const raw = maximum / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((step) => step >= raw);
}

function drawChart() {
  const chart = $("chart");
  if (state.limits.length === 0) return;
  chart.replaceChildren();
  const start = new Date(state.limits[0].from).getTime();
  const end = new Date(state.limits[state.limits.length - 1].to).getTime();
  const samples = state.samples.filter((s) => new Date(s.at).getTime() >= start);
  const peak = Math.max(100, ...state.limits.map((l) => l.limit_kw), ...samples.map((s) => s.power_kw)) * 1.08;
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const x = (time) => CHART.left + ((time - start) / (end - start)) * plotW;
  const y = (kw) => CHART.top + plotH - (kw / peak) * plotH;

  const step = niceStep(peak);
  for (let kw = 0; kw <= peak; kw += step) {
    svg("line", { x1: CHART.left, x2: CHART.width - CHART.right, y1: y(kw), y2: y(kw), class: "grid-line" }, chart);
    text(chart, CHART.left - 8, y(kw) + 4, "axis-label", `${kw}`).setAttribute("text-anchor", "end");
  }
  text(chart, 4, CHART.top + 10, "axis-label", "kW");
  const hour = 3600 * 1000;
  const hours = (end - start) / hour;
  const every = hours > 16 ? 4 : hours > 8 ? 2 : 1;
  for (let t = Math.ceil(start / hour) * hour; t <= end; t += hour) {
    const label = formatTime(new Date(t).toISOString());
    if (Number(label.slice(0, 2)) % every !== 0) continue;
    svg("line", { x1: x(t), x2: x(t), y1: CHART.top, y2: CHART.top + plotH, class: "grid-line" }, chart);
    text(chart, x(t), CHART.height - 8, "axis-label", label).setAttribute("text-anchor", "middle");
  }

  let limitPath = "";
  for (const limit of state.limits) {
    const from = x(new Date(limit.from).getTime());
    const to = x(new Date(limit.to).getTime());
    limitPath += `${limitPath ? "L" : "M"}${from.toFixed(1)} ${y(limit.limit_kw).toFixed(1)} L${to.toFixed(1)} ${y(limit.limit_kw).toFixed(1)} `;
    if (limit.block && to - from > 60) text(chart, from + 6, y(limit.limit_kw) - 6, "block-label", `${limit.block} ${Math.round(limit.limit_kw)} kW`);
  }
  svg("path", { d: limitPath.trim(), class: "limit-line", id: "chart-limit" }, chart);

  if (samples.length > 0) {
    const points = samples.map((s) => `${x(new Date(s.at).getTime()).toFixed(1)},${y(s.power_kw).toFixed(1)}`);
    const first = x(new Date(samples[0].at).getTime()).toFixed(1);
    const last = x(new Date(samples[samples.length - 1].at).getTime()).toFixed(1);
    const base = y(0).toFixed(1);
    svg("polygon", { points: `${first},${base} ${points.join(" ")} ${last},${base}`, class: "power-area" }, chart);
    svg("polyline", { points: points.join(" "), class: "power-line", id: "chart-power", "data-points": samples.length }, chart);
  }
  if (state.now) {
    const now = x(state.now.getTime());
    if (now >= CHART.left && now <= CHART.width - CHART.right) {
      svg("line", { x1: now, x2: now, y1: CHART.top, y2: CHART.top + plotH, class: "now-line" }, chart);
    }
  }
}

// ---- Boot -----------------------------------------------------------------------------------

$("login").addEventListener("submit", onLogin);
readCredentials();
start();
