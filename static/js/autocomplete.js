// Autocomplete of commitment titles: turns the search box inside `element` into an ARIA 1.2
// combobox with a listbox of suggestions fetched from data-autocomplete-url. Without this
// module the box is an ordinary search field and the form submits as usual.
const DEBOUNCE_MS = 200;
const MIN_LENGTH = 2;
let counter = 0;

export default function autocomplete(element) {
  const input = element.querySelector('input[type="search"]');
  const url = element.dataset.autocompleteUrl;
  if (!input || !url) return;

  counter += 1;
  const listId = `autocomplete-list-${counter}`;
  const list = document.createElement("ul");
  list.id = listId;
  list.className = "autocomplete__list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", element.dataset.autocompleteLabel || input.labels?.[0]?.textContent || "");
  list.hidden = true;
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  input.insertAdjacentElement("afterend", list);
  element.append(status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);

  let options = [];
  let active = -1;
  let timer = null;
  let controller = null;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    options.forEach((option, n) => option.setAttribute("aria-selected", String(n === index)));
    active = index;
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function go(index) {
    const option = options[index];
    if (option) window.location.assign(option.dataset.url);
  }

  function render(results) {
    list.replaceChildren();
    options = results.map((result, n) => {
      const option = document.createElement("li");
      option.id = `${listId}-${n}`;
      option.className = "autocomplete__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.url = result.url;
      const title = document.createElement("bdi");
      title.textContent = result.title;
      option.append(title);
      if (result.code) {
        const code = document.createElement("bdi");
        code.className = "autocomplete__code";
        code.textContent = result.code;
        option.append(code);
      }
      // mousedown, not click: it runs before the input loses focus and closes the list.
      option.addEventListener("mousedown", (event) => {
        event.preventDefault();
        go(n);
      });
      list.append(option);
      return option;
    });
    active = -1;
    const template = element.dataset.autocompleteStatus || "%(count)s";
    status.textContent = results.length ? template.replace("%(count)s", results.length) : "";
    if (results.length) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    } else {
      close();
    }
  }

  async function suggest() {
    const query = input.value.trim();
    if (query.length < MIN_LENGTH) {
      render([]);
      return;
    }
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`${url}?q=${encodeURIComponent(query)}`, {
        headers: { Accept: "application/json" },
        signal: controller.signal,
      });
      if (!response.ok) return;
      const data = await response.json();
      if (input.value.trim() === query) render(data.results || []);
    } catch (error) {
      if (error.name !== "AbortError") close();
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, DEBOUNCE_MS);
  });

  input.addEventListener("keydown", (event) => {
    const open = !list.hidden && options.length > 0;
    if (event.key === "ArrowDown") {
      if (!open) {
        suggest();
        return;
      }
      event.preventDefault();
      highlight((active + 1) % options.length);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      go(active);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        close();
      } else if (input.value) {
        input.value = "";
      }
    } else if (event.key === "Tab") {
      close();
    }
  });

  input.addEventListener("blur", close);
}
