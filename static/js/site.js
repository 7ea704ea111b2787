// Progressive enhancement only: every page and form works without this file.
// Feature modules are listed here and load only on pages that carry data-module="name".
const modules = {
  autocomplete: () => import("./autocomplete.js"),
  "comment-counter": () => import("./comment-counter.js"),
  facets: () => import("./facets.js"),
};

for (const [name, load] of Object.entries(modules)) {
  const elements = document.querySelectorAll(`[data-module~="${name}"]`);
  if (elements.length) {
    load()
      .then((module) => elements.forEach((element) => module.default(element)))
      .catch(() => {});
  }
}
