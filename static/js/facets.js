// Commitment search facets fold on a phone (results come first) and stand open beside the
// results on a wider screen. Without JavaScript they are one tap away, folded.
const WIDE = window.matchMedia("(min-width: 48rem)");

export default function facets(details) {
  const follow = () => {
    details.open = WIDE.matches;
  };
  follow();
  WIDE.addEventListener("change", follow);
}
