// The controls and the start: login, search and filters, view, time travel, timers.
"use strict";

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
