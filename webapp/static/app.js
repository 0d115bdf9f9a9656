/* newsarchive: small progressive enhancements; every page works without this file. */
"use strict";

// Re-run the search when the sort order or the "hide copies" box changes.
document.querySelectorAll("[data-autosubmit]").forEach(function (control) {
  control.addEventListener("change", function () { control.form.submit(); });
});

// Combobox type-ahead (ARIA 1.2 combobox + listbox): the input keeps focus, arrows move the active option
// (aria-activedescendant), Enter picks it, Escape closes. Two kinds:
//  - official names (data-typeahead): /api/v1/officials?q=… → options linking to profiles (province and
//    main title shown, so namesakes stay apart); picking one opens the profile;
//  - known titles (data-suggest): /api/v1/officials/titles?q=… → picking one fills the input.
function combobox(input, fetchOptions, pick) {
  var list = document.getElementById(input.getAttribute("aria-controls"));
  var status = input.getAttribute("aria-describedby") && document.getElementById(input.getAttribute("aria-describedby"));
  var timer = null, controller = null, active = -1;

  function options() { return Array.prototype.slice.call(list.querySelectorAll("[role=option]")); }
  function setActive(index) {
    var all = options();
    active = all.length ? (index + all.length) % all.length : -1;
    all.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
    if (active >= 0) { input.setAttribute("aria-activedescendant", all[active].id); all[active].scrollIntoView({ block: "nearest" }); }
    else { input.removeAttribute("aria-activedescendant"); }
  }
  function close() { list.hidden = true; input.setAttribute("aria-expanded", "false"); setActive(-1); }
  function show(items) {
    list.replaceChildren();
    items.forEach(function (item, i) {
      var option = document.createElement("li");
      option.setAttribute("role", "option");
      option.id = list.id + "-" + i;
      option.appendChild(item.node);
      option.addEventListener("mousedown", function (event) { event.preventDefault(); pick(item, input); close(); });
      option.dataset.index = i;
      list.appendChild(option);
      option.item = item;
    });
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
    active = -1;
    if (status) { status.textContent = items.length + " " + (input.dataset.matches || ""); }
  }
  function lookup() {
    var q = input.value.trim();
    if (q.length < 2) { show([]); return; }
    if (controller) { controller.abort(); }
    controller = new AbortController();
    fetchOptions(q, controller.signal).then(show).catch(function () { /* aborted or offline: the form still works */ });
  }
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(lookup, 150); });
  input.addEventListener("blur", function () { setTimeout(close, 100); });
  input.addEventListener("keydown", function (event) {
    if (list.hidden) { return; }
    if (event.key === "ArrowDown") { event.preventDefault(); setActive(active + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); setActive(active - 1); }
    else if (event.key === "Escape") { event.preventDefault(); close(); }
    else if (event.key === "Enter" && active >= 0) { event.preventDefault(); pick(options()[active].item, input); close(); }
  });
}

function getJson(url, signal) {
  return fetch(url, { signal: signal }).then(function (response) { return response.ok ? response.json() : null; });
}

document.querySelectorAll("input[data-typeahead]").forEach(function (input) {
  combobox(input, function (q, signal) {
    return getJson(input.dataset.typeahead + "?q=" + encodeURIComponent(q), signal).then(function (officials) {
      return (officials || []).slice(0, 10).map(function (official) {
        var link = document.createElement("a");
        link.href = input.dataset.profileUrl.replace("__id__", encodeURIComponent(official.id));
        link.tabIndex = -1;
        link.textContent = official.name;
        var where = document.createElement("span");
        where.className = "muted";
        where.textContent = " " + official.province + (official.main_title ? " · " + official.main_title : "");
        link.appendChild(where);
        return { node: link, href: link.href };
      });
    });
  }, function (item) { window.location.href = item.href; });
});

document.querySelectorAll("input[data-suggest]").forEach(function (input) {
  combobox(input, function (q, signal) {
    return getJson(input.dataset.suggest + "?q=" + encodeURIComponent(q), signal).then(function (answer) {
      return ((answer && answer.titles) || []).map(function (title) {
        var text = document.createElement("span");
        text.textContent = title;
        return { node: text, value: title };
      });
    });
  }, function (item, field) { field.value = item.value; });
});

// Charts: "PNG" draws the figure's SVG on a canvas (twice its size) and downloads it.
document.querySelectorAll("button[data-png]").forEach(function (button) {
  button.addEventListener("click", function () {
    var svg = document.getElementById(button.dataset.png).querySelector("svg");
    var width = svg.viewBox.baseVal.width, height = svg.viewBox.baseVal.height;
    var image = new Image();
    image.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = 2 * width;
      canvas.height = 2 * height;
      var context = canvas.getContext("2d");
      context.scale(2, 2);
      context.drawImage(image, 0, 0, width, height);
      var link = document.createElement("a");
      link.href = canvas.toDataURL("image/png");
      link.download = "newsarchive-" + button.dataset.png + ".png";
      document.body.appendChild(link);
      link.click();
      link.remove();
    };
    var text = new XMLSerializer().serializeToString(svg);
    image.src = "data:image/svg+xml;base64," + btoa(unescape(encodeURIComponent(text)));
  });
});

// A filter box inside long facets: keeps the values whose name contains what is typed (accents optional).
function folded(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
}
document.querySelectorAll("input[data-facet-filter]").forEach(function (input) {
  input.hidden = false;
  var items = input.closest(".facet").querySelectorAll("li");
  input.addEventListener("input", function () {
    var wanted = folded(input.value.trim());
    items.forEach(function (item) { item.hidden = wanted !== "" && folded(item.textContent).indexOf(wanted) < 0; });
  });
});

// On a phone the results come first and the filters open from a "Filters" button.
document.querySelectorAll("button.filters-button").forEach(function (button) {
  var facets = document.getElementById(button.getAttribute("aria-controls"));
  var narrow = window.matchMedia("(max-width: 50rem)");
  function layout() {
    button.hidden = !narrow.matches;
    facets.classList.toggle("collapsed", narrow.matches && button.getAttribute("aria-expanded") !== "true");
  }
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    layout();
    if (open) { facets.scrollIntoView(); }
  });
  narrow.addEventListener("change", layout);
  layout();
});

// Cite box: copy a citation to the clipboard.
document.querySelectorAll("button[data-copy]").forEach(function (button) {
  var area = document.querySelector('textarea[data-citation="' + button.dataset.copy + '"]');
  if (!navigator.clipboard || !area) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(area.value).catch(function () { area.select(); });
  });
});
