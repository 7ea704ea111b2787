// Shows how many characters are left while writing a comment. The limit itself is enforced
// by the server (and the textarea's maxlength); this only tells the writer in advance.
export default function commentCounter(textarea) {
  const limit = Number(textarea.getAttribute("maxlength"));
  const template = textarea.dataset.counterLabel || "%(count)s";
  if (!limit) return;
  const output = document.createElement("p");
  output.className = "char-counter";
  output.setAttribute("aria-live", "polite");
  textarea.insertAdjacentElement("afterend", output);
  let timer = null;
  const update = () => {
    output.textContent = template.replace("%(count)s", String(limit - textarea.value.length));
  };
  textarea.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 300);
  });
  update();
}
