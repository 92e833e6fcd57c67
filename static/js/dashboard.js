// Dashboards: charts, sortable tables and the auto-refresh while a computation runs.
// Progressive enhancement only: without this script (or without Chart.js) every figure
// is still on the page in its table, the overview sorts through its header links, and
// the "refresh" link reloads the page.
(function () {
  "use strict";

  var PALETTE = ["#00437a", "#b35c00", "#0b6b2e", "#6b2c91", "#5c5c5c"]; // at least 3:1 against white; five for the ZRM steps
  var NORM_COLOUR = "#a4000f";
  var POINT_STYLES = ["circle", "rectRot", "triangle", "rect"];
  var lang = document.documentElement.lang || "nl";

  // Long category labels (closure reasons) over several lines, so none is cut off.
  function wrap(label, width) {
    var lines = [], line = "";
    String(label).split(" ").forEach(function (word) {
      if (line && (line + " " + word).length > width) { lines.push(line); line = word; }
      else { line = line ? line + " " + word : word; }
    });
    if (line) { lines.push(line); }
    return lines.length > 1 ? lines : label;
  }

  function drawCharts() {
    var source = document.getElementById("dashboard-charts");
    if (!source || typeof window.Chart === "undefined") { return; }
    var specs = JSON.parse(source.textContent);
    var Chart = window.Chart;
    Chart.defaults.color = "#1b1b1b";
    Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
    Chart.defaults.font.size = 14;
    document.querySelectorAll("[data-chart]").forEach(function (box) {
      var spec = specs[box.getAttribute("data-chart")];
      var canvas = box.querySelector("canvas");
      if (!spec || !canvas) { return; }
      var datasets = spec.datasets.map(function (item, index) {
        var colour = PALETTE[index % PALETTE.length];
        return {
          type: spec.type,
          label: item.label,
          data: item.data,
          backgroundColor: colour,
          borderColor: colour,
          borderWidth: spec.type === "line" ? 2 : 0,
          pointStyle: POINT_STYLES[index % POINT_STYLES.length],
          pointRadius: 5,
          fill: false,
          spanGaps: false
        };
      });
      if (spec.norm) {
        datasets.push({
          type: "line",
          label: spec.norm.label,
          data: spec.labels.map(function () { return spec.norm.value; }),
          borderColor: NORM_COLOUR,
          backgroundColor: NORM_COLOUR,
          borderDash: [8, 4],
          borderWidth: 2,
          pointRadius: 0,
          fill: false
        });
      }
      var valueAxis = { beginAtZero: true, title: { display: !!spec.yTitle, text: spec.yTitle || "" } };
      if (spec.integer) { valueAxis.ticks = { precision: 0 }; }
      if (spec.max) { valueAxis.max = spec.max; }
      var categoryAxis = { title: { display: !!spec.xTitle, text: spec.xTitle || "" }, ticks: { autoSkip: false } };
      var labels = spec.horizontal ? spec.labels.map(function (label) { return wrap(label, 24); }) : spec.labels;
      if (spec.horizontal) {
        box.classList.add("chart-tall");
        // Room for every category: its label's lines, or its bars, whichever is taller (plus
        // the legend and the value axis), so that no two labels overlap.
        var needed = labels.reduce(function (sum, label) {
          var lines = Array.isArray(label) ? label.length : 1;
          return sum + Math.max(lines * 18 + 8, datasets.length * 8 + 8);
        }, 0) + 140;
        if (needed > 26 * 16) { box.style.height = needed + "px"; } // .chart-tall: 26rem
      }
      box.hidden = false;
      new Chart(canvas, {
        type: spec.type,
        data: {
          labels: labels,
          datasets: datasets
        },
        options: {
          indexAxis: spec.horizontal ? "y" : "x",
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          locale: lang,
          scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
          plugins: { legend: { position: "bottom", labels: { usePointStyle: true } } }
        }
      });
    });
  }

  // Sortable tables: the header links sort on the server without JavaScript; with it,
  // the rows are sorted in place, aria-sort follows, and the address keeps the order.
  function sortable(table) {
    var tbody = table.tBodies[0];
    var status = document.getElementById(table.getAttribute("data-sort-status") || "");
    var headers = Array.prototype.slice.call(table.querySelectorAll("thead th[data-sort-key]"));
    var collator = new Intl.Collator(lang, { numeric: true, sensitivity: "base" });

    function value(row, index) {
      var cell = row.cells[index];
      return cell ? cell.getAttribute("data-sort-value") : "";
    }

    function sortBy(header, descending) {
      var index = header.cellIndex;
      var numeric = header.hasAttribute("data-num");
      var rows = Array.prototype.slice.call(tbody.rows);
      rows.sort(function (a, b) {
        var x = value(a, index), y = value(b, index);
        if (x === "" || y === "") { return (x === "") - (y === ""); } // no figure: last, either way
        var order = numeric ? parseFloat(x) - parseFloat(y) : collator.compare(x, y);
        return descending ? -order : order;
      });
      rows.forEach(function (row) { tbody.appendChild(row); });
      headers.forEach(function (other) {
        var icon = other.querySelector(".sort-icon");
        if (other === header) {
          other.setAttribute("aria-sort", descending ? "descending" : "ascending");
          if (icon) { icon.textContent = descending ? "▼" : "▲"; }
        } else {
          other.removeAttribute("aria-sort");
          if (icon) { icon.textContent = "↕"; }
        }
      });
      var url = new URL(window.location.href);
      url.searchParams.set("sort", header.getAttribute("data-sort-key"));
      if (descending) { url.searchParams.set("order", "desc"); } else { url.searchParams.delete("order"); }
      window.history.replaceState(null, "", url);
      if (status) {
        var label = header.querySelector("a").firstChild.textContent.trim();
        status.textContent = label + ": " + (descending ? status.getAttribute("data-descending") || "aflopend"
          : status.getAttribute("data-ascending") || "oplopend");
      }
    }

    headers.forEach(function (header) {
      var link = header.querySelector("a");
      if (!link) { return; }
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var current = header.getAttribute("aria-sort");
        var descending = current ? current === "ascending" : header.hasAttribute("data-num");
        sortBy(header, descending);
      });
    });
  }

  // While a recomputation runs: reload every few seconds, with a button to stop it (WCAG 2.2.1).
  function autoRefresh() {
    var box = document.querySelector("[data-refresh]");
    if (!box) { return; }
    var seconds = parseInt(box.getAttribute("data-refresh"), 10) || 10;
    var timer = window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
    var note = box.querySelector(".refresh-note");
    var stop = box.querySelector("[data-stop-refresh]");
    if (note) { note.hidden = false; }
    if (stop) {
      stop.addEventListener("click", function () {
        window.clearTimeout(timer);
        if (note) { note.hidden = true; }
      });
    }
  }

  drawCharts();
  document.querySelectorAll("table[data-sortable]").forEach(sortable);
  autoRefresh();
})();
