// Orchestrator's dashboard. Hosts come first and collapsed (one cheap request), the whole topology
// follows in the background for host-to-host edges; a host opens on double-click. The feed sends
// only host-level (or the searched) topologies; edges and open hosts are refreshed at most every
// REFRESH_MS. Everything the page fetches comes from this server.
"use strict";

const REFRESH_MS = 10000;
const GRID_ABOVE = 150; // nodes; beyond this a force layout would take seconds
const OUTSIDE = "outside the fleet";
const $ = (sel) => document.querySelector(sel);

const state = {
  token: sessionStorage.getItem("orchestrator.token"),
  nodes: new Map(), // id -> node, from the last full topology
  edges: [], // network edges of the last full topology
  hostIndex: new Map(), // node id -> its host's id, once per full topology
  hosts: new Map(), // id -> host node, kept live by the feed
  expanded: new Set(),
  query: "", // the search box, with the type and agent filters (the server's query language)
  at: null, // an ISO instant while time travelling
  version: null,
  selected: null,
  view: "graph",
  socket: null,
  refreshTimer: null,
  lastRefresh: 0,
  refreshCost: 0, // ms the last whole-topology read and render took
};

class Unauthorized extends Error {}

async function api(path) {
  const headers = state.token ? { Authorization: "Bearer " + state.token } : {};
  const r = await fetch(path, { headers });
  if (r.status === 401) {
    throw new Unauthorized();
  }
  const body = await r.json();
  if (!r.ok) {
    throw new Error(body.error || r.statusText);
  }
  return body;
}

function topologyUrl(extra) {
  const p = new URLSearchParams(extra || {});
  if (state.query) p.set("q", state.query);
  if (state.at) p.set("at", state.at);
  const s = p.toString();
  return "/api/v1/query/topology" + (s ? "?" + s : "");
}

function hostOf(id) {
  const known = state.hostIndex.get(id);
  if (known) return known;
  let n = state.nodes.get(id) || state.hosts.get(id);
  for (let i = 0; n && n.type !== "host" && i < 4; i++) {
    n = state.nodes.get(n.parent_id) || state.hosts.get(n.parent_id);
  }
  return n ? n.id : null;
}

const fmt = (v, unit) => (typeof v === "number" ? v.toFixed(1) + (unit || "") : "");

// ---- graph ----

const cy = cytoscape({
  container: $("#graph"),
  wheelSensitivity: 0.3,
  minZoom: 0.05,
  maxZoom: 2.5,
  style: [
    { selector: "node", style: { label: "data(label)", "font-size": 9, "background-color": "data(color)", width: 18, height: 18 } },
    { selector: "node[type = 'host']", style: { shape: "round-rectangle", width: 26, height: 26 } },
    { selector: "node[type = 'container']", style: { shape: "hexagon" } },
    { selector: ":parent", style: { "background-opacity": 0.08, "text-valign": "top", padding: 8 } },
    { selector: "node[type = 'outside']", style: { shape: "diamond", "background-color": "#999" } },
    { selector: "edge", style: { width: "data(width)", "curve-style": "bezier", "target-arrow-shape": "triangle", "line-color": "#9ab", "target-arrow-color": "#9ab", "arrow-scale": 0.6 } },
    { selector: ":selected", style: { "border-width": 3, "border-color": "#1565c0" } },
  ],
});

function color(n) {
  const cpu = n.metadata && (n.metadata.cpu_usage ?? n.metadata.cpu_percent);
  if (typeof cpu !== "number") return n.type === "process" ? "#7e9cc0" : "#5c7a99";
  return cpu > 90 ? "#c62828" : cpu > 70 ? "#ef6c00" : "#2e7d32";
}

function element(n, parent) {
  return { group: "nodes", data: { id: n.id, label: n.name || n.id, type: n.type, color: color(n), parent } };
}

function visibleElements() {
  const out = [];
  const visible = new Set();
  for (const h of state.hosts.values()) {
    out.push(element(h));
    visible.add(h.id);
  }
  for (const n of state.nodes.values()) {
    if (n.type !== "host" && state.expanded.has(hostOf(n.id))) {
      out.push(element(n, n.parent_id));
      visible.add(n.id);
    }
  }
  const rep = (id) => (visible.has(id) ? id : hostOf(id) && visible.has(hostOf(id)) ? hostOf(id) : OUTSIDE);
  const pairs = new Map();
  for (const e of state.edges) {
    const s = rep(e.source);
    const t = rep(e.target);
    if (s !== t) {
      const k = s + "\u0000" + t;
      pairs.set(k, (pairs.get(k) || 0) + (e.connections || 1));
    }
  }
  if ([...pairs.keys()].some((k) => k.includes(OUTSIDE))) {
    out.push({ group: "nodes", data: { id: OUTSIDE, label: OUTSIDE, type: "outside", color: "#999" } });
  }
  for (const [k, count] of pairs) {
    const [s, t] = k.split("\u0000");
    out.push({ group: "edges", data: { id: "e:" + k, source: s, target: t, width: Math.min(1 + Math.log2(count), 6) } });
  }
  return out;
}

function render() {
  const next = visibleElements();
  const ids = new Set(next.map((e) => e.data.id));
  let added = false;
  cy.batch(() => {
    cy.elements().filter((e) => !ids.has(e.id())).remove();
    for (const e of next) {
      const existing = cy.getElementById(e.data.id);
      if (existing.nonempty() && existing.data("parent") === e.data.parent) {
        existing.data(e.data);
      } else {
        existing.remove();
        cy.add(e);
        added = true;
      }
    }
  });
  if (added) {
    const count = cy.nodes().length;
    cy.layout(count > GRID_ABOVE ? { name: "grid", avoidOverlap: true, condense: true } : { name: "cose", animate: false }).run();
  }
  if (state.view === "table") renderTable();
  $("#status").textContent = (state.at ? "at " + state.at : "live") + " · " + state.hosts.size + " hosts" + (state.version != null ? " · v" + state.version : "");
}

function renderTable() {
  const rows = [];
  const nodes = state.query || state.expanded.size ? state.nodes.values() : state.hosts.values();
  for (const n of nodes) {
    if (rows.length >= 2000) break;
    const m = n.metadata || {};
    const tr = document.createElement("tr");
    for (const v of [n.type, n.id, n.name || "", hostOf(n.id) || "", fmt(m.cpu_usage ?? m.cpu_percent), fmt(m.memory_usage ?? m.memory_mb ?? m.memory_usage_mb)]) {
      const td = document.createElement("td");
      td.textContent = v;
      tr.appendChild(td);
    }
    tr.onclick = () => select(n.id);
    rows.push(tr);
  }
  $("#table tbody").replaceChildren(...rows);
}

// ---- data ----

function takeHosts(topology) {
  state.hosts = new Map();
  for (const n of Object.values(topology.nodes)) {
    if (n.type === "host") state.hosts.set(n.id, n);
  }
  if (topology.version != null) state.version = topology.version;
}

function takeFull(topology) {
  state.nodes = new Map(Object.entries(topology.nodes));
  state.edges = Object.values(topology.edges).filter((e) => e.type !== "parent-child");
  takeHosts(topology);
  state.hostIndex = new Map();
  for (const id of state.nodes.keys()) {
    const h = hostOf(id);
    if (h) state.hostIndex.set(id, h);
  }
  state.lastRefresh = Date.now();
}

async function load() {
  // Hosts first: one small answer puts the fleet on screen; the rest follows.
  const hosts = await api(topologyUrl({ type: "host" }));
  takeHosts(hosts.topology);
  render();
  document.body.dataset.rendered = String(performance.now());
  const t0 = performance.now();
  const full = await api(topologyUrl());
  takeFull(full.topology);
  render();
  state.refreshCost = performance.now() - t0;
  document.body.dataset.loaded = "true";
}

// The whole topology is re-read at most every REFRESH_MS, and never more often than ten times
// what the last read cost: at 1,000 agents a read takes seconds, and the page must stay free
// for the feed and the user most of the time.
function scheduleRefresh() {
  if (state.refreshTimer || state.at) return;
  const every = Math.max(REFRESH_MS, 10 * state.refreshCost);
  const wait = Math.max(0, state.lastRefresh + every - Date.now());
  state.refreshTimer = setTimeout(async () => {
    state.refreshTimer = null;
    const t0 = performance.now();
    try {
      takeFull((await api(topologyUrl())).topology);
      render();
    } catch (e) {
      report(e);
    }
    state.refreshCost = performance.now() - t0;
  }, wait);
}

function connect() {
  if (state.socket) state.socket.close();
  const url = new URL("/api/v1/ws", location.href);
  url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
  if (state.token) url.searchParams.set("access_token", state.token);
  const ws = new WebSocket(url);
  state.socket = ws;
  ws.onopen = () => subscribe();
  ws.onmessage = (msg) => {
    const { type, payload } = JSON.parse(msg.data);
    if (type === "topology_update" && !state.at) {
      takeHosts(payload);
      for (const n of Object.values(payload.nodes)) {
        if (n.type !== "host") state.nodes.set(n.id, n);
      }
      render();
      scheduleRefresh(); // edges and open hosts: from the whole topology, at most every REFRESH_MS
      if (state.selected) showNode(state.selected, false);
    } else if (type === "alert") {
      loadAlerts();
    }
  };
  ws.onclose = () => {
    if (state.socket === ws) setTimeout(connect, 3000);
  };
}

function subscribe() {
  const ws = state.socket;
  if (ws && ws.readyState === WebSocket.OPEN) {
    ws.send(JSON.stringify({ type: "subscribe", payload: { types: ["topology_update", "alert"], query: state.query || "type:host" } }));
  }
}

// ---- panels ----

function select(id) {
  state.selected = id;
  cy.$(":selected").unselect();
  cy.getElementById(id).select();
  showTab("node");
  showNode(id, true);
}

let chart = null;

async function showNode(id, fresh) {
  const n = state.nodes.get(id) || state.hosts.get(id);
  const tab = $("#tab-node");
  if (!n) {
    tab.replaceChildren(Object.assign(document.createElement("p"), { className: "hint", textContent: id }));
    return;
  }
  const dl = document.createElement("dl");
  const add = (k, v) => {
    dl.append(Object.assign(document.createElement("dt"), { textContent: k }), Object.assign(document.createElement("dd"), { textContent: typeof v === "object" ? JSON.stringify(v) : String(v) }));
  };
  add("type", n.type);
  add("id", n.id);
  if (n.parent_id) add("parent", n.parent_id);
  for (const [k, v] of Object.entries(n.metadata || {})) add(k, v);
  const spark = Object.assign(document.createElement("div"), { className: "sparkline" });
  const title = document.createElement("h3");
  title.textContent = n.name || n.id;
  if (fresh || !tab.querySelector(".sparkline")) {
    tab.replaceChildren(title, spark, dl);
    chart = null;
  } else {
    tab.replaceChild(dl, tab.querySelector("dl"));
  }
  await sparkline(n, tab.querySelector(".sparkline"));
}

function seriesFor(n) {
  const host = hostOf(n.id);
  if (n.type === "host") return { host, names: ["host.cpu.usage", "host.memory.usage"] };
  if (n.type === "container") return { host, names: ["container." + n.id + ".cpu_percent", "container." + n.id + ".memory_percent"] };
  const pid = n.metadata && n.metadata.pid;
  return { host, names: ["process." + pid + ".memory_mb", "process." + pid + ".threads"] };
}

async function sparkline(n, el) {
  const { host, names } = seriesFor(n);
  if (!host) return;
  const p = new URLSearchParams({ duration: "15m", metrics: names.join(",") });
  const series = await api("/api/v1/query/agents/" + encodeURIComponent(host) + "/timeseries?" + p);
  const xs = series.points.map((pt) => Date.parse(pt.timestamp) / 1000);
  const data = [xs, ...names.map((m) => series.points.map((pt) => pt.metrics[m] ?? null))];
  if (chart && chart.root.parentNode === el) {
    chart.setData(data);
  } else {
    el.replaceChildren();
    chart = new uPlot({ width: 330, height: 90, legend: { show: true }, cursor: { show: false },
      series: [{}, ...names.map((m, i) => ({ label: m.replace(/^host\./, "").replace(/^(container|process)\.[^.]+\./, ""), stroke: i ? "#ef6c00" : "#1565c0", width: 1.5 }))],
      axes: [{ show: false }, { size: 36 }] }, data, el);
  }
  el.dataset.points = String(xs.length);
}

async function loadAgents() {
  const list = await api("/api/v1/agents/list");
  const rows = list.agents.map((a) => {
    const tr = document.createElement("tr");
    tr.className = a.status === "stale" ? "stale" : "";
    for (const v of [a.agent_id, a.status, a.last_seen]) tr.appendChild(Object.assign(document.createElement("td"), { textContent: v }));
    tr.onclick = () => select(a.agent_id);
    return tr;
  });
  $("#tab-agents tbody").replaceChildren(...rows);
}

async function loadAlerts() {
  const body = await api("/api/v1/alerts");
  const rows = (body.alerts || []).map((a) => {
    const tr = document.createElement("tr");
    tr.className = a.state;
    const subject = a.labels ? a.labels.node || a.labels.agent_id || a.labels.source || "" : "";
    for (const v of [a.rule, a.state, subject, fmt(a.value)]) tr.appendChild(Object.assign(document.createElement("td"), { textContent: v }));
    return tr;
  });
  $("#tab-alerts tbody").replaceChildren(...rows);
}

function showTab(name) {
  for (const b of document.querySelectorAll("aside nav button")) b.classList.toggle("on", b.dataset.tab === name);
  for (const t of document.querySelectorAll(".tab")) t.hidden = t.id !== "tab-" + name;
  if (name === "agents") loadAgents().catch(report);
  if (name === "alerts") loadAlerts().catch(report);
}

// ---- controls ----

function report(e) {
  if (e instanceof Unauthorized) {
    login();
  } else {
    $("#status").textContent = "error: " + e.message;
  }
}

function login() {
  const dialog = $("#login");
  if (!dialog.open) dialog.showModal();
}

$("#login form").addEventListener("submit", () => {
  state.token = $("#credential").value.trim();
  sessionStorage.setItem("orchestrator.token", state.token);
  start();
});

// The type and agent filters are terms of the same query: type:container, agent:a,b.
function composedQuery() {
  const terms = [$("#search").value.trim()];
  if ($("#type-filter").value) terms.push("type:" + $("#type-filter").value);
  const agents = $("#agent-filter").value.replace(/\s+/g, "");
  if (agents) terms.push("agent:" + agents);
  return terms.filter(Boolean).join(" ");
}

let searchTimer = null;
function onFilter() {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(async () => {
    state.query = composedQuery();
    $("#search-status").textContent = "";
    try {
      await load();
      subscribe();
    } catch (e) {
      $("#search-status").textContent = e.message;
    }
  }, 300);
}
$("#search").addEventListener("input", onFilter);
$("#agent-filter").addEventListener("input", onFilter);
$("#type-filter").addEventListener("change", onFilter);

$("#view-toggle").addEventListener("click", () => {
  state.view = state.view === "graph" ? "table" : "graph";
  $("#graph").hidden = state.view !== "graph";
  $("#table").hidden = state.view !== "table";
  $("#view-toggle").textContent = state.view === "graph" ? "Table view" : "Graph view";
  render();
});

$("#at").addEventListener("change", (ev) => {
  if (!ev.target.value) return;
  state.at = new Date(ev.target.value).toISOString();
  $("#live").classList.remove("on");
  load().catch(report);
});

$("#live").addEventListener("click", () => {
  state.at = null;
  $("#at").value = "";
  $("#live").classList.add("on");
  load().catch(report);
});

for (const b of document.querySelectorAll("aside nav button")) b.addEventListener("click", () => showTab(b.dataset.tab));

cy.on("tap", "node", (ev) => {
  if (ev.target.data("type") !== "outside") select(ev.target.id());
});
cy.on("dbltap", "node[type = 'host']", (ev) => {
  const id = ev.target.id();
  if (state.expanded.has(id)) state.expanded.delete(id);
  else state.expanded.add(id);
  render();
});

setInterval(() => {
  if (!state.at && state.selected) {
    const n = state.nodes.get(state.selected) || state.hosts.get(state.selected);
    if (n) sparkline(n, $("#tab-node .sparkline")).catch(() => {});
  }
  if (!$("#tab-agents").hidden) loadAgents().catch(() => {});
}, 5000);

async function start() {
  try {
    await load();
    connect();
  } catch (e) {
    report(e);
  }
}

start();
