/*
 * Suggestions for search boxes: an ARIA 1.2 combobox with a listbox popup.
 * Progressive enhancement: without this script the box is a plain search field.
 * Markup: <input data-autocomplete-url="..."> inside a wrapper with class "autocomplete".
 */
(function () {
  "use strict";

  var MIN_CHARS = 2;
  var DELAY_MS = 200;
  var counter = 0;

  function enhance(input) {
    var url = input.getAttribute("data-autocomplete-url");
    var wrapper = input.closest(".autocomplete") || input.parentNode;
    var id = input.id || "autocomplete-" + ++counter;
    var listId = id + "-suggestions";
    var lang = document.documentElement.lang || "en";
    var messages = {
      nl: ["suggesties beschikbaar; gebruik pijltjestoetsen", "Geen suggesties"],
      fr: ["suggestions disponibles ; utilisez les flèches", "Aucune suggestion"],
      en: ["suggestions available; use the arrow keys", "No suggestions"]
    }[lang.slice(0, 2)] || ["suggestions available; use the arrow keys", "No suggestions"];

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "autocomplete__list";
    list.setAttribute("role", "listbox");
    var label = document.querySelector('label[for="' + input.id + '"]');
    if (label) {
      if (!label.id) label.id = id + "-label";
      list.setAttribute("aria-labelledby", label.id);
    }
    list.hidden = true;

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    wrapper.appendChild(list);
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var options = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastQuery = "";

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      if (index < 0 || index >= options.length) return;
      input.value = options[index].textContent;
      lastQuery = input.value;
      close();
      input.focus();
    }

    function render(suggestions) {
      list.textContent = "";
      options = suggestions.map(function (suggestion, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.className = "autocomplete__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = suggestion.label;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep focus in the input
        });
        option.addEventListener("click", function () {
          choose(i);
        });
        list.appendChild(option);
        return option;
      });
      active = -1;
      if (options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = options.length + " " + messages[0];
      } else {
        close();
        status.textContent = messages[1];
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) return;
      lastQuery = query;
      if (query.length < MIN_CHARS) {
        render([]);
        status.textContent = "";
        return;
      }
      if (controller) controller.abort();
      controller = typeof AbortController === "function" ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (input.value.trim() === query) render(data.suggestions || []);
        })
        .catch(function () {
          /* aborted or offline: the box keeps working as a plain search field */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && options.length > 0;
      if (event.key === "ArrowDown") {
        if (!open && options.length) {
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        if (options.length) {
          event.preventDefault();
          setActive(active + 1 >= options.length ? 0 : active + 1);
        }
      } else if (event.key === "ArrowUp") {
        if (open) {
          event.preventDefault();
          setActive(active <= 0 ? options.length - 1 : active - 1);
        }
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();
          choose(active);
        }
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          close();
        }
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
  }

  document.querySelectorAll("input[data-autocomplete-url]").forEach(enhance);
})();
