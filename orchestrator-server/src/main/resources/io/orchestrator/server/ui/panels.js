// The side panels: a node's metadata and chart, the agents, the alerts.
"use strict";

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
