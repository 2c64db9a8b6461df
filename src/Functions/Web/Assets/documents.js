// The documents to attach (thành phần hồ sơ) on the proposal form: shows only the list of the chosen activity, or of
// the chosen kind's main activity (#documents-box, rendered by DocumentsBox from data/reference/documents.json); with
// nothing chosen, the hint to choose. Without script the box keeps every list under its activity's name.
(function () {
  'use strict';

  var form = document.getElementById('proposal-form');
  var box = document.getElementById('documents-box');
  if (!form || !box) {
    return;
  }

  function value(name) {
    var field = form.elements.namedItem(name);
    return field && typeof field.value === 'string' ? field.value : '';
  }

  function update() {
    var kind = value('kind');
    var activity = value('activity');
    var lists = box.querySelectorAll('.documents-list');
    var shown = false;
    for (var i = 0; i < lists.length; i++) {
      var list = lists[i];
      var match = activity
        ? list.getAttribute('data-activity') === activity
        : kind !== '' && list.getAttribute('data-kind') === kind && list.getAttribute('data-default') === 'true';
      list.hidden = !match;
      shown = shown || match;
    }

    document.getElementById('documents-choose').hidden = shown;
    if (shown) {
      box.open = true;
    }
  }

  form.addEventListener('change', function (event) {
    var name = event.target && event.target.name;
    if (name === 'kind' || name === 'activity') {
      update();
    }
  });

  update();
})();
