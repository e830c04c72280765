// 好差评 forms: show the reasons of the chosen level only (without this script every level's reasons are shown).
document.addEventListener('change', function (event) {
  var input = event.target;
  if (!input.matches || !input.matches('input[name="level"]')) return;
  var form = input.closest('form');
  form.querySelectorAll('fieldset.reasons').forEach(function (set) {
    var mine = set.getAttribute('data-level') === input.value;
    set.hidden = !mine;
    if (!mine) set.querySelectorAll('input[type="checkbox"]').forEach(function (box) { box.checked = false; });
  });
});
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('form.rating-form').forEach(function (form) {
    var chosen = form.querySelector('input[name="level"]:checked');
    form.querySelectorAll('fieldset.reasons').forEach(function (set) {
      set.hidden = !chosen || set.getAttribute('data-level') !== chosen.value;
    });
  });
});
