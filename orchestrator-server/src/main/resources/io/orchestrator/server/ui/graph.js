// The graph and the table view: what is on screen, drawn from the state data.js keeps.
"use strict";

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
  const nodes = [...(state.query || state.expanded.size ? state.nodes.values() : state.hosts.values())];
  // The server's order, by type then id (search answers the same way).
  const rank = { host: 0, container: 1, process: 2 };
  nodes.sort((a, b) => rank[a.type] - rank[b.type] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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

cy.on("tap", "node", (ev) => {
  if (ev.target.data("type") !== "outside") select(ev.target.id());
});
cy.on("dbltap", "node[type = 'host']", (ev) => {
  const id = ev.target.id();
  if (state.expanded.has(id)) state.expanded.delete(id);
  else state.expanded.add(id);
  render();
});
