// Swap each static chart for a live Vega view (tooltips) once it has rendered; the static
// SVG stays for print and for readers without scripts.
(function () {
  if (typeof vegaEmbed !== "function") { return; }
  document.querySelectorAll("script.chart-spec").forEach(function (node) {
    var figure = node.closest("figure");
    var target = figure.querySelector(".chart-live");
    var spec = JSON.parse(node.textContent);
    vegaEmbed(target, spec, { actions: false, renderer: "svg", tooltip: { theme: "light" } })
      .then(function () {
        figure.classList.add("is-live");
        target.removeAttribute("aria-hidden");
        figure.querySelector(".chart-static").setAttribute("aria-hidden", "true");
      })
      .catch(function () { /* keep the static chart */ });
  });
})();
