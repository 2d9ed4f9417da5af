// The kg report's behaviour: filter, sort and page the tables; draw the entity graph.
"use strict";

// A table filtered by every word typed (any order, any case), sorted by a click on a header
// (numbers as numbers), shown a page at a time so a thousand facts stay quick.
function setUpTable(tableId, filterId, statusId, pagerId, pageSize) {
  const table = document.getElementById(tableId);
  const filter = document.getElementById(filterId);
  const status = document.getElementById(statusId);
  const pager = document.getElementById(pagerId);
  if (!table) return null;
  const body = table.tBodies[0];
  let rows = Array.from(body.rows);
  const texts = new Map(rows.map((row) => [row, row.textContent.toLowerCase()]));
  let matching = rows;
  let page = 0;
  let unfolded = [];

  function render() {
    const pages = Math.max(1, Math.ceil(matching.length / pageSize));
    page = Math.min(page, pages - 1);
    const shown = new Set(matching.slice(page * pageSize, (page + 1) * pageSize));
    for (const row of rows) row.hidden = !shown.has(row);
    const first = matching.length ? page * pageSize + 1 : 0;
    const last = Math.min(matching.length, (page + 1) * pageSize);
    status.textContent = matching.length === rows.length
      ? `${rows.length} rows` + (pages > 1 ? `, showing ${first}–${last}` : "")
      : `${matching.length} of ${rows.length} rows match` + (pages > 1 ? `, showing ${first}–${last}` : "");
    pager.replaceChildren();
    if (pages > 1) {
      const button = (text, target, disabled) => {
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = text;
        b.disabled = disabled;
        b.addEventListener("click", () => { page = target; render(); });
        return b;
      };
      const where = document.createElement("span");
      where.textContent = `page ${page + 1} of ${pages}`;
      pager.append(button("‹ previous", page - 1, page === 0), where,
                   button("next ›", page + 1, page === pages - 1));
    }
  }

  function applyFilter() {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    matching = rows.filter((row) => words.every((word) => texts.get(row).includes(word)));
    // A word found in a folded reading unfolds it, so every match shows why it matched;
    // the next keystroke folds again what the last one unfolded.
    for (const folded of unfolded) folded.open = false;
    unfolded = [];
    for (const row of words.length ? matching : []) {
      for (const folded of row.querySelectorAll("details:not([open])")) {
        const text = folded.textContent.toLowerCase();
        if (words.some((word) => text.includes(word))) {
          folded.open = true;
          unfolded.push(folded);
        }
      }
    }
    page = 0;
    render();
  }

  Array.from(table.tHead.rows[0].cells).forEach((header, column) => {
    const numeric = header.dataset.type === "number";
    header.tabIndex = 0;
    const sort = () => {
      const ascending = header.getAttribute("aria-sort") !== "ascending";
      for (const other of table.tHead.rows[0].cells) other.removeAttribute("aria-sort");
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const key = (row) => {
        const cell = row.cells[column];
        const value = cell.dataset.sort ?? cell.textContent.trim();
        return numeric ? parseFloat(value) || 0 : value.toLowerCase();
      };
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        const order = numeric ? x - y : x.localeCompare(y);
        return ascending ? order : -order;
      });
      body.append(...rows);
      applyFilter();
    };
    header.addEventListener("click", sort);
    header.addEventListener("keydown", (event) => { if (event.key === "Enter") sort(); });
  });
  filter.addEventListener("input", applyFilter);
  applyFilter();
  return {
    show(text) {
      filter.value = text;
      applyFilter();
      table.scrollIntoView({ behavior: "smooth", block: "start" });
    },
  };
}

function drawGraph(container, elements, onPick) {
  if (!container || typeof cytoscape !== "function") return null;
  if (!elements.length) {
    container.textContent = "No fact links two people, organisations or places.";
    container.classList.add("empty");
    return null;
  }
  const css = getComputedStyle(document.documentElement);
  const colour = (name) => css.getPropertyValue(`--${name}`).trim();
  const cy = cytoscape({
    container,
    elements,
    minZoom: 0.2,
    maxZoom: 4,
    style: [
      { selector: "node", style: {
        label: "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
        "background-color": colour("person"), color: "#1f2933",
        width: "mapData(mentions, 1, 60, 14, 46)", height: "mapData(mentions, 1, 60, 14, 46)",
        "text-background-color": "#ffffff", "text-background-opacity": 0.7,
        "text-background-padding": 1 } },
      { selector: 'node[type = "Organization"]', style: {
        "background-color": colour("organization"), shape: "round-rectangle" } },
      { selector: 'node[type = "Place"]', style: {
        "background-color": colour("place"), shape: "diamond" } },
      { selector: "edge", style: {
        width: "mapData(support, 1, 6, 1.2, 9)", "line-color": "#9aa5b1",
        "target-arrow-color": "#9aa5b1", "target-arrow-shape": "triangle",
        "curve-style": "bezier", opacity: "mapData(confidence, 0, 1, 0.45, 1)",
        label: "data(label)", "font-size": 8, color: "#52606d", "text-rotation": "autorotate",
        "min-zoomed-font-size": 7 } },
      { selector: ":selected", style: {
        "line-color": "#1d5fa8", "target-arrow-color": "#1d5fa8",
        "border-width": 3, "border-color": "#1d5fa8" } },
    ],
    layout: { name: "cose", animate: false, nodeDimensionsIncludeLabels: true,
              idealEdgeLength: () => 90, nodeRepulsion: () => 9000, padding: 20 },
  });
  cy.on("tap", "node", (event) => onPick(event.target.data("label")));
  cy.on("tap", "edge", (event) => onPick(event.target.data("fact")));
  return cy;
}

document.addEventListener("DOMContentLoaded", () => {
  const facts = setUpTable("fact-table", "fact-filter", "fact-status", "fact-pager", 50);
  setUpTable("entity-table", "entity-filter", "entity-status", "entity-pager", 50);
  // The layout takes a moment on a large graph: the tables are usable before it starts.
  setTimeout(() => {
    const elements = JSON.parse(document.getElementById("graph-data").textContent);
    const cy = drawGraph(document.getElementById("graph"), elements,
                         (text) => facts && facts.show(text));
    // Read by the browser test: how much of the picture was drawn.
    document.body.dataset.graphEdges = cy ? String(cy.edges().length) : "0";
    document.body.dataset.graphNodes = cy ? String(cy.nodes().length) : "0";
  }, 0);
});
