// Knowledge suggestions while a customer writes a ticket: asks the portal as the text changes.
(function () {
  var form = document.getElementById('new-ticket');
  var box = document.getElementById('suggestions');
  if (!form || !box) { return; }
  var list = box.querySelector('ul');
  var timer = null;
  function ask() {
    var subject = form.elements['subject'].value, body = form.elements['body'].value;
    if ((subject + body).trim().length < 3) { box.hidden = true; return; }
    var url = '/portal/suggestions?subject=' + encodeURIComponent(subject) + '&body=' + encodeURIComponent(body);
    fetch(url, { headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (hits) {
        list.innerHTML = '';
        hits.forEach(function (hit) {
          var li = document.createElement('li');
          var a = document.createElement('a');
          a.href = '/portal/articles/' + hit.id;
          a.textContent = hit.title;
          a.target = '_blank';
          var p = document.createElement('div');
          p.className = 'small muted';
          p.innerHTML = hit.snippet; // escaped by the desk, <mark> only
          li.appendChild(a);
          li.appendChild(p);
          list.appendChild(li);
        });
        box.hidden = hits.length === 0;
      });
  }
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 250);
  });
})();
