// Verdict filters and full-text search for the summary. Without scripts every claim is
// listed and the search box stays hidden; nothing here loads anything.
(function () {
  var rows = document.querySelectorAll("table.summary tbody tr[data-verdict]");
  var entries = document.querySelectorAll("nav.contents li[data-verdict]");

  function showVerdict(slug) {
    [rows, entries].forEach(function (list) {
      list.forEach(function (item) {
        item.hidden = Boolean(slug) && item.getAttribute("data-verdict") !== slug;
      });
    });
  }

  var filter = document.querySelector(".filter");
  if (filter) {
    var buttons = filter.querySelectorAll("button");
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var slug = button.getAttribute("data-verdict");
        buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b === button)); });
        showVerdict(slug);
      });
    });
    filter.hidden = false;
    var tally = document.querySelector(".tally");
    if (tally) { tally.hidden = true; }
  }

  // Mark the contents entry of the section in view (the sidebar of wide screens).
  if ("IntersectionObserver" in window) {
    var links = {};
    document.querySelectorAll("nav.contents a[href^='#']").forEach(function (a) {
      links[a.getAttribute("href").slice(1)] = a;
    });
    var observer = new IntersectionObserver(function (seen) {
      seen.forEach(function (entry) {
        var link = links[entry.target.id];
        if (!link || !entry.isIntersecting) { return; }
        Object.keys(links).forEach(function (id) { links[id].removeAttribute("aria-current"); });
        link.setAttribute("aria-current", "location");
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    document.querySelectorAll("#summary, article.claim, #data, #reproduce").forEach(function (node) {
      observer.observe(node);
    });
  }

  var search = document.querySelector(".search");
  var box = document.getElementById("search-box");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!search || !box || !results || !status) { return; }
  var sections = Array.prototype.map.call(
    document.querySelectorAll("article.claim, #data .dataset, #reproduce"),
    function (node) {
      var heading = node.querySelector("h2, h3");
      var clone = node.cloneNode(true);
      clone.querySelectorAll("svg, script, .chart-live, .permalink").forEach(function (n) { n.remove(); });
      return {
        id: node.id,
        title: heading ? heading.textContent.replace(/#\s*$/, "").trim() : node.id,
        text: clone.textContent.replace(/\s+/g, " ").trim()
      };
    }
  );

  function snippet(text, at, length) {
    var start = Math.max(0, at - 60);
    var end = Math.min(text.length, at + length + 80);
    return [(start > 0 ? "…" : "") + text.slice(start, at), text.slice(at, at + length),
      text.slice(at + length, end) + (end < text.length ? "…" : "")];
  }

  function run() {
    var query = box.value.trim().toLowerCase();
    results.textContent = "";
    if (query.length < 2) { status.textContent = ""; return; }
    var found = 0;
    sections.forEach(function (section) {
      var at = section.text.toLowerCase().indexOf(query);
      if (at < 0 && section.title.toLowerCase().indexOf(query) < 0) { return; }
      found += 1;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + section.id;
      link.textContent = section.title;
      item.appendChild(link);
      if (at >= 0) {
        var parts = snippet(section.text, at, query.length);
        var line = document.createElement("p");
        var mark = document.createElement("mark");
        mark.textContent = parts[1];
        line.appendChild(document.createTextNode(parts[0]));
        line.appendChild(mark);
        line.appendChild(document.createTextNode(parts[2]));
        item.appendChild(line);
      }
      results.appendChild(item);
    });
    status.textContent = found ? found + (found === 1 ? " section matches" : " sections match")
      : "No section matches.";
  }

  box.addEventListener("input", run);
  search.hidden = false;
})();
