/* Khuyến công: the review page. Adds up the scores as the reviewer types them (the form works without this script:
   the server checks every score and shows the total again). Never submits anything by itself. */
(function () {
  'use strict';

  var form = document.getElementById('review-form');
  var output = document.getElementById('total');
  if (!form || !output) {
    return;
  }

  var inputs = Array.prototype.slice.call(form.querySelectorAll('input.score'));

  function update() {
    var total = 0;
    var complete = true;
    inputs.forEach(function (input) {
      var text = input.value.trim();
      var value = Number(text);
      var max = Number(input.getAttribute('max'));
      if (text === '' || !Number.isInteger(value)) {
        complete = false;
        return;
      }

      var outOfRange = value < 0 || value > max;
      input.setAttribute('aria-invalid', outOfRange ? 'true' : 'false');
      total += value;
    });
    output.textContent = complete ? String(total) : (inputs.some(function (i) { return i.value.trim() !== ''; }) ? String(total) + '…' : '—');
  }

  inputs.forEach(function (input) {
    input.addEventListener('input', update);
    input.addEventListener('change', update);
  });
  update();
}());
