// A deck page's "Print a cheat sheet" button (src/site.rs): hidden in the HTML, shown
// here, where a script can print. Without scripts, the browser's own Print does the same
// (print.css applies either way).
for (const button of document.querySelectorAll('.print-action')) {
  button.hidden = false;
  button.addEventListener('click', () => print());
}
