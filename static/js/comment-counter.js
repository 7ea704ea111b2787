// Shows how many characters are left while writing a comment, updated on every keystroke; a
// screen reader hears the count once the writer pauses. The limit itself is enforced by the
// server (and the textarea's maxlength); this only tells the writer in advance.
const NUMBER_LOCALES = { ar: "ar-MA", "fa-af": "fa-AF", fa: "fa-AF" };

export default function commentCounter(textarea) {
  const limit = Number(textarea.getAttribute("maxlength"));
  const template = textarea.dataset.counterLabel || "%(count)s";
  if (!limit) return;
  const language = (document.documentElement.lang || "en").toLowerCase();
  const numbers = new Intl.NumberFormat(NUMBER_LOCALES[language] || language, {
    useGrouping: false,
  });
  const shown = document.createElement("p");
  shown.className = "char-counter";
  shown.setAttribute("aria-hidden", "true");
  const spoken = document.createElement("p");
  spoken.className = "visually-hidden";
  spoken.setAttribute("aria-live", "polite");
  textarea.insertAdjacentElement("afterend", spoken);
  textarea.insertAdjacentElement("afterend", shown);
  const text = () =>
    template.replace("%(count)s", numbers.format(limit - textarea.value.length));
  let timer = null;
  textarea.addEventListener("input", () => {
    shown.textContent = text();
    clearTimeout(timer);
    timer = setTimeout(() => {
      spoken.textContent = text();
    }, 1000);
  });
  shown.textContent = text();
}
