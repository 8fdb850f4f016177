/** The editor page's CSS and script, inline: no build step, no second request. */

export const editorStyle = `
body{font:16px/1.5 Georgia,serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#222}
html:not(.js) .js-only{display:none}
header nav{display:flex;justify-content:space-between;font-family:system-ui,sans-serif;font-size:14px}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.2rem;margin-top:2rem}
.meta,.toolbar,.flags,.tags,details,table,.actions,#message{font-family:system-ui,sans-serif;font-size:13px}
.status{font-size:.8rem;padding:2px 8px;border-radius:10px;vertical-align:middle}
.status.draft{background:#fff3cd}.status.final{background:#d1e7dd}
.entry{margin:0 0 1.2rem 0;padding:.4rem .6rem;border-left:3px solid #ddd}
.bullet{margin:0 0 .3rem 0}
.flags .title{color:#666}
.flag{border-radius:3px;padding:0 5px;margin-right:4px;color:#fff}
.flag.pinned{background:#0d6efd}.flag.added{background:#6f42c1}.flag.translate{background:#d63384}.flag.edited{background:#198754}
.tag{display:inline-block;border:1px solid #ccc;border-radius:3px;padding:0 4px;margin:0 4px 2px 0}
.tag.company{border-color:#0d6efd;color:#0d6efd}
.reasons{margin:.2rem 0}
.actions button{margin-right:4px}
.edit textarea,#markdown{width:100%;font:13px/1.4 ui-monospace,monospace;box-sizing:border-box}
.danger{color:#b02a37}
table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:3px 6px;text-align:left;vertical-align:top}
#message:empty{display:none}
#message{background:#f8f9fa;border:1px solid #ddd;padding:4px 8px}
`;

/** Plain browser JavaScript: each button sends one PATCH with the editor token, then reloads. */
export const editorScript = `
(() => {
  document.documentElement.classList.add('js');
  const body = document.body;
  const week = body.dataset.week, zone = body.dataset.zone;
  const tokenInput = document.getElementById('token');
  const message = document.getElementById('message');
  if (tokenInput) {
    tokenInput.value = localStorage.getItem('editorToken') || '';
    tokenInput.addEventListener('change', () => localStorage.setItem('editorToken', tokenInput.value));
  }
  const say = (text) => { message.textContent = text; };
  const storyOf = (el) => Number(el.closest('[data-story]').dataset.story);
  const order = () => [...document.querySelectorAll('#entries > li[data-story]')].map((li) => Number(li.dataset.story));

  async function patch(change) {
    const token = tokenInput ? tokenInput.value : '';
    const res = await fetch('/api/roundups/' + encodeURIComponent(week) + '?zone=' + encodeURIComponent(zone), {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
      body: JSON.stringify(change),
    });
    if (!res.ok) {
      const problem = await res.json().catch(() => null);
      say('Not saved: ' + (problem && problem.error ? problem.error.message : 'HTTP ' + res.status));
      return;
    }
    location.reload();
  }

  async function copyMarkdown() {
    const area = document.getElementById('markdown');
    try {
      await navigator.clipboard.writeText(area.value);
    } catch {
      area.select();
      document.execCommand('copy');
    }
    say('Markdown copied (' + area.value.split('\\n').filter((l) => l.startsWith('- ')).length + ' bullets).');
  }

  const actions = {
    pin: (el) => patch({ pin: [storyOf(el)] }),
    unpin: (el) => patch({ unpin: [storyOf(el)] }),
    exclude: (el) => patch({ exclude: [storyOf(el)] }),
    include: (el) => patch({ include: [storyOf(el)] }),
    up: (el) => move(storyOf(el), -1),
    down: (el) => move(storyOf(el), 1),
    edit: (el) => { const form = el.closest('li').querySelector('form.edit'); form.hidden = !form.hidden; },
    'reset-summary': (el) => patch({ summaries: { [storyOf(el)]: null } }),
    copy: () => copyMarkdown(),
    add: () => {
      const id = Number(document.getElementById('add-id').value);
      if (!Number.isInteger(id) || id <= 0) return say('Type a story id first.');
      return patch({ add: [id] });
    },
    final: () => {
      if (confirm('Make ' + week + ' final? It will be frozen and its stories left out of later weeks.')) return patch({ status: 'final' });
    },
  };

  function move(id, step) {
    const ids = order();
    const at = ids.indexOf(id);
    const to = at + step;
    if (at < 0 || to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to], ids[at]];
    return patch({ order: ids });
  }

  document.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    event.preventDefault();
    const run = actions[button.dataset.action];
    if (run) Promise.resolve(run(button)).catch((error) => say('Failed: ' + error.message));
  });
  document.addEventListener('submit', (event) => {
    const form = event.target.closest('form.edit');
    if (!form) return;
    event.preventDefault();
    patch({ summaries: { [storyOf(form)]: form.elements.summary.value } });
  });
})();
`;
