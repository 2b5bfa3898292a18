// Orchestrator's dashboard. Hosts come first and collapsed (one cheap request), the whole topology
// follows in the background for host-to-host edges; a host opens on double-click. The feed sends
// only host-level (or the searched) topologies; edges and open hosts are refreshed at most every
// REFRESH_MS. Everything the page fetches comes from this server. This file: the state, the API,
// the topology reads and the feed; graph.js draws, panels.js fills the side panels, app.js wires
// the controls and starts. Classic scripts, loaded in that order, sharing one global scope.
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
